package io.github.rcdetect.reference;

import io.github.rcdetect.event.InputRecord;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

import java.time.Duration;

/**
 * Bounded out-of-orderness with a watermark after every record, not only every 200 ms: a file is read in far less
 * than that, so periodic watermarks would leave the run as good as bounded. Here event time moves with every record
 * and every invocation, window and timer is decided while input still arrives.
 */
final class EveryRecordWatermarks implements WatermarkGenerator<InputRecord> {
    private final long outOfOrdernessMillis;
    private long maxTimestamp = Long.MIN_VALUE;

    private EveryRecordWatermarks(long outOfOrdernessMillis) {
        this.outOfOrdernessMillis = outOfOrdernessMillis;
    }

    static WatermarkStrategy<InputRecord> strategy(Duration outOfOrderness) {
        long millis = outOfOrderness.toMillis();
        return WatermarkStrategy.<InputRecord>forGenerator(context -> new EveryRecordWatermarks(millis))
                .withTimestampAssigner((record, previous) -> record.eventTime());
    }

    @Override
    public void onEvent(InputRecord record, long eventTimestamp, WatermarkOutput output) {
        if (eventTimestamp > maxTimestamp) {
            maxTimestamp = eventTimestamp;
            output.emitWatermark(new Watermark(maxTimestamp - outOfOrdernessMillis - 1));
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
}
