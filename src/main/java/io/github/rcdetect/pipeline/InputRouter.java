package io.github.rcdetect.pipeline;

import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.metrics.JobCounter;
import io.github.rcdetect.metrics.LatestWatermark;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Counts the records of one input stream, sends its dead letters to a side output and passes its events on; records
 * the parser found no rule can use ({@link InputRecord#unused}) end here, counted, having moved the watermark.
 */
public abstract class InputRouter<E> extends ProcessFunction<InputRecord, E> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    public static final String RECORDS_READ = "recordsRead";
    public static final String DEAD_LETTER_COUNT = "deadLetters";
    /** Bytes of the input files read, for a bounded run's progress. */
    public static final String FILE_BYTES_READ = "fileBytesRead";

    private final EventStream stream;
    private transient JobCounter recordsRead;
    private transient JobCounter deadLetters;
    private transient JobCounter fileBytesRead;
    private transient LatestWatermark watermark;

    private InputRouter(EventStream stream) {
        this.stream = stream;
    }

    abstract E event(InputRecord record);

    @Override
    public void open(OpenContext openContext) {
        recordsRead = JobCounter.register(getRuntimeContext(), RECORDS_READ, "stream", stream.id());
        deadLetters = JobCounter.register(getRuntimeContext(), DEAD_LETTER_COUNT, "stream", stream.id());
        fileBytesRead = JobCounter.register(getRuntimeContext(), FILE_BYTES_READ, "stream", stream.id());
        watermark = LatestWatermark.register(getRuntimeContext(), stream.id());
    }

    @Override
    public void processElement(InputRecord record, Context ctx, Collector<E> out) {
        recordsRead.inc();
        if (record.fileBytes > 0) {
            fileBytesRead.add(record.fileBytes);
        }
        watermark.add(ctx.timerService().currentWatermark());
        if (record.deadLetter != null) {
            deadLetters.inc();
            ctx.output(DEAD_LETTERS, record.deadLetter);
        } else {
            E event = event(record);
            if (event != null) {
                out.collect(event);
            }
        }
    }

    static final class Activity extends InputRouter<ActivityEvent> {
        private static final long serialVersionUID = 1L;

        Activity() {
            super(EventStream.ACTIVITY);
        }

        @Override
        ActivityEvent event(InputRecord record) {
            return record.activity;
        }
    }

    static final class Process extends InputRouter<ProcessEvent> {
        private static final long serialVersionUID = 1L;

        Process() {
            super(EventStream.PROCESS);
        }

        @Override
        ProcessEvent event(InputRecord record) {
            return record.process;
        }
    }
}
