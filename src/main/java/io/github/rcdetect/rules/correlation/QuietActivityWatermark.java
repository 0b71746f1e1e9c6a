package io.github.rcdetect.rules.correlation;

import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.util.OutputTag;

import java.time.Duration;

/**
 * A correlation rule's event time: the minimum of both streams' watermarks, as usual, except while the Activity Log is idle.
 *
 * <p>With the usual rule an idle input drops out and the endpoint stream alone drives the rule, so the first Run Command
 * after a quiet spell, which Azure delivers minutes after the fact, would arrive behind the watermark and be lost
 * to the rule. While the activity input is idle its watermark is therefore taken as the process watermark minus {@code
 * maxActivityDelay} (the longest Azure takes to deliver a record): the rule keeps going, and a record delivered within
 * that delay still correlates. Run Command records pass on the main output, guest processes on the tag given,
 * both carrying this watermark.
 *
 * <p>When both inputs are idle the watermark simply holds: idleness is not passed on. Were it passed on, Flink would
 * let the operators downstream jump to the largest watermark of their idle inputs, and an invocation the assembler
 * emits when time moves again could reach the CEP operator behind its watermark.
 */
final class QuietActivityWatermark extends AbstractStreamOperator<ActivityEvent>
        implements TwoInputStreamOperator<ActivityEvent, ProcessEvent, ActivityEvent> {
    private static final long serialVersionUID = 1L;

    private final long maxActivityDelayMillis;
    /** The guest processes, with the same watermark as the Run Command records. */
    private final OutputTag<ProcessEvent> processes;

    // Watermarks are not checkpointed in Flink: after a restore both inputs start again from their first watermark.
    private transient long activityWatermark;
    private transient long processWatermark;
    private transient long emitted;
    private transient boolean activityIdle;
    private transient boolean processIdle;

    QuietActivityWatermark(Duration maxActivityDelay, OutputTag<ProcessEvent> processes) {
        this.maxActivityDelayMillis = maxActivityDelay.toMillis();
        this.processes = processes;
    }

    static OutputTag<ProcessEvent> processesTag(String rulePrefix) {
        return new OutputTag<>(rulePrefix + "-guest-processes", TypeInformation.of(ProcessEvent.class));
    }

    @Override
    public void open() throws Exception {
        super.open();
        activityWatermark = Long.MIN_VALUE;
        processWatermark = Long.MIN_VALUE;
        emitted = Long.MIN_VALUE;
    }

    @Override
    public void processElement1(StreamRecord<ActivityEvent> record) {
        output.collect(record);
    }

    @Override
    public void processElement2(StreamRecord<ProcessEvent> record) {
        output.collect(processes, record);
    }

    @Override
    public void processWatermark1(Watermark mark) throws Exception {
        activityWatermark = mark.getTimestamp();
        advance();
    }

    @Override
    public void processWatermark2(Watermark mark) throws Exception {
        processWatermark = mark.getTimestamp();
        advance();
    }

    @Override
    protected void processWatermarkStatus(WatermarkStatus status, int index) throws Exception {
        if (index == 0) {
            activityIdle = status.isIdle();
        } else {
            processIdle = status.isIdle();
        }
        advance();
    }

    private void advance() throws Exception {
        if (activityIdle && processIdle) {
            return;
        }
        long activity = activityIdle && activityWatermark != Long.MAX_VALUE
                ? Math.max(activityWatermark, minus(processWatermark, maxActivityDelayMillis))
                : activityWatermark;
        long watermark = processIdle ? activity : Math.min(activity, processWatermark);
        if (watermark > emitted) {
            emitted = watermark;
            processWatermark(new Watermark(watermark));
        }
    }

    /** {@code time - delay} without running past the smallest timestamp. */
    private static long minus(long time, long delay) {
        return time == Long.MAX_VALUE ? time : Math.max(Long.MIN_VALUE, time - delay);
    }
}
