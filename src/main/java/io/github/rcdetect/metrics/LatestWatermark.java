package io.github.rcdetect.metrics;

import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.api.common.accumulators.SimpleAccumulator;
import org.apache.flink.api.common.functions.RuntimeContext;

/**
 * The event time a stream has reached, as an accumulator a running job reports to its client: each parallel
 * instance keeps the latest watermark it has seen with a record, and merged they give the earliest of those, the time
 * the stream as a whole has reached. Instances that have seen no record (an idle one, a watermark not yet there) have
 * no say. The status line of a stream shows it as the lag behind the clock.
 */
public final class LatestWatermark implements SimpleAccumulator<Long> {
    private static final long serialVersionUID = 1L;
    /** No watermark with a record yet. */
    public static final long NONE = Long.MIN_VALUE;

    private long watermark = NONE;

    public static LatestWatermark register(RuntimeContext context, String stream) {
        LatestWatermark accumulator = new LatestWatermark();
        context.addAccumulator(accumulatorName(stream), accumulator);
        return accumulator;
    }

    public static String accumulatorName(String stream) {
        return "watermark." + stream;
    }

    @Override
    public void add(Long value) {
        add(value.longValue());
    }

    /** The watermark current when a record arrived; watermarks only grow, so the latest is the largest. */
    public void add(long value) {
        if (value > watermark) {
            watermark = value;
        }
    }

    @Override
    public Long getLocalValue() {
        return watermark;
    }

    @Override
    public void resetLocal() {
        watermark = NONE;
    }

    @Override
    public void merge(Accumulator<Long, Long> other) {
        long theirs = other.getLocalValue();
        if (watermark == NONE || (theirs != NONE && theirs < watermark)) {
            watermark = theirs;
        }
    }

    @Override
    public LatestWatermark clone() {
        LatestWatermark copy = new LatestWatermark();
        copy.watermark = watermark;
        return copy;
    }
}
