package io.github.rcdetect.pipeline;

import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.metrics.JobCounter;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * The router of a compacted side topic (the host inventory, the tuning topics): counts its messages per stream, sends
 * its dead letters aside and passes the updates on. It runs once, before the updates are broadcast, so that each
 * dead letter leaves once however many subtasks apply the updates.
 */
final class UpdateRouter<T> extends ProcessFunction<T, T> {
    private static final long serialVersionUID = 1L;

    /** Which stream an update belongs to, and the dead letter it is, if it is one. */
    interface Judge<T> extends Serializable {
        EventStream stream(T update);

        DeadLetter deadLetter(T update);
    }

    private final EventStream[] streams;
    private final Judge<T> judge;
    private transient Map<EventStream, JobCounter> read;
    private transient Map<EventStream, JobCounter> deadLetters;

    UpdateRouter(Judge<T> judge, EventStream... streams) {
        this.judge = judge;
        this.streams = streams;
    }

    @Override
    public void open(OpenContext openContext) {
        read = new EnumMap<>(EventStream.class);
        deadLetters = new EnumMap<>(EventStream.class);
        for (EventStream stream : streams) {
            read.put(stream, JobCounter.register(getRuntimeContext(), InputRouter.RECORDS_READ, "stream", stream.id()));
            deadLetters.put(
                    stream,
                    JobCounter.register(getRuntimeContext(), InputRouter.DEAD_LETTER_COUNT, "stream", stream.id()));
        }
    }

    @Override
    public void processElement(T update, Context ctx, Collector<T> out) {
        EventStream stream = judge.stream(update);
        read.get(stream).inc();
        DeadLetter deadLetter = judge.deadLetter(update);
        if (deadLetter != null) {
            deadLetters.get(stream).inc();
            ctx.output(InputRouter.DEAD_LETTERS, deadLetter);
        } else {
            out.collect(update);
        }
    }
}
