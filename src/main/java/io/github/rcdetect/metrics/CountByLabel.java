package io.github.rcdetect.metrics;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** Passes elements through, counting them by a label (alerts by rule, late records by stream). */
public final class CountByLabel<T> extends RichMapFunction<T, T> {
    private static final long serialVersionUID = 1L;

    /** The label of an element; one of the labels the counter was created with. */
    @FunctionalInterface
    public interface Labeler<T> extends Serializable {
        String label(T element);
    }

    private final String name;
    private final String labelKey;
    private final String[] labels;
    private final Labeler<T> labeler;
    private transient Map<String, JobCounter> counters;

    public CountByLabel(String name, String labelKey, Labeler<T> labeler, String... labels) {
        this.name = name;
        this.labelKey = labelKey;
        this.labeler = labeler;
        this.labels = labels;
    }

    @Override
    public void open(OpenContext openContext) {
        counters = new HashMap<>();
        for (String label : labels) {
            counters.put(label, JobCounter.register(getRuntimeContext(), name, labelKey, label));
        }
    }

    @Override
    public T map(T element) {
        counters.get(labeler.label(element)).inc();
        return element;
    }
}
