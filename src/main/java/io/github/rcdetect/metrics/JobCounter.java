package io.github.rcdetect.metrics;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;

/**
 * A count kept twice: as a Flink metric, for dashboards of the running job, and as an accumulator, for the summary a
 * bounded run prints at the end.
 */
public final class JobCounter {
    private final Counter metric;
    private final LongCounter total;

    private JobCounter(Counter metric, LongCounter total) {
        this.metric = metric;
        this.total = total;
    }

    /**
     * Registers metric {@code <labelKey>.<label>.<name>} and accumulator {@link #accumulatorName(String, String)}.
     */
    public static JobCounter register(RuntimeContext context, String name, String labelKey, String label) {
        Counter metric = context.getMetricGroup().addGroup(labelKey, label).counter(name);
        return new JobCounter(metric, context.getLongCounter(accumulatorName(name, label)));
    }

    public static String accumulatorName(String name, String label) {
        return name + "." + label;
    }

    public void inc() {
        metric.inc();
        total.add(1L);
    }

    public void add(long count) {
        metric.inc(count);
        total.add(count);
    }
}
