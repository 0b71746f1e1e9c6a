package io.github.rcdetect.detection;

/**
 * What alert suppression adds to a group's alert (docs/spec.md, section 12): the group's terms, the times of its
 * first and last alert, and how many alerts it suppressed (the group's own alert not counted).
 */
public class Suppression {
    /** The {@code group_by} fields, in their order. */
    public String[] fields;
    /** Each field's values, sorted; null for a missing field. Parallel to {@link #fields}. */
    public SuppressionValues[] values;
    /** Epoch milliseconds of the group's first and last alert. */
    public long start;

    public long end;
    public long docsCount;

    public Suppression() {}

    /** The same figures; the term arrays are shared, as nothing changes them. */
    public Suppression copy() {
        Suppression copy = new Suppression();
        copy.fields = fields;
        copy.values = values;
        copy.start = start;
        copy.end = end;
        copy.docsCount = docsCount;
        return copy;
    }

    /** One field's values. */
    public static class SuppressionValues {
        public String[] values;

        public SuppressionValues() {}

        public static SuppressionValues of(String[] values) {
            SuppressionValues of = new SuppressionValues();
            of.values = values;
            return of;
        }
    }
}
