package io.github.rcdetect.rules.r1;

import io.github.rcdetect.event.ActivityEvent;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One Run Command invocation on a host: the records Azure wrote for it (Started, Accepted, Succeeded share one
 * correlation id), timed at the earliest of them.
 */
public class Invocation {
    /** Records kept per invocation; Azure writes a handful, a hostile stream could write millions. */
    static final int MAX_RECORDS = 32;

    /** Record order independent of arrival order: time, then content, then where it was read. */
    static final Comparator<ActivityEvent> RECORD_ORDER =
            Comparator.<ActivityEvent>comparingLong(e -> e.timestamp)
                    .thenComparing(e -> e.outcome, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(e -> e.eventId, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(e -> String.valueOf(e.origin));

    public String hostKey;
    public String correlationId;
    /** Time of the earliest record, epoch milliseconds. */
    public long timestamp;
    /** The records in {@link #RECORD_ORDER}, at most {@link #MAX_RECORDS}. */
    public ActivityEvent[] records;
    /** How many records were merged, including any beyond {@link #MAX_RECORDS}. */
    public int recordCount;

    public Invocation() {}

    static Invocation of(ActivityEvent record) {
        Invocation invocation = new Invocation();
        invocation.hostKey = record.hostKey;
        invocation.correlationId = record.correlationId;
        invocation.timestamp = record.timestamp;
        invocation.records = new ActivityEvent[] {record};
        invocation.recordCount = 1;
        return invocation;
    }

    /** Merges another record of the same invocation. */
    void add(ActivityEvent record) {
        ActivityEvent[] merged = Arrays.copyOf(records, records.length + 1);
        merged[records.length] = record;
        Arrays.sort(merged, RECORD_ORDER);
        records = merged.length > MAX_RECORDS ? Arrays.copyOf(merged, MAX_RECORDS) : merged;
        timestamp = records[0].timestamp;
        correlationId = records[0].correlationId;
        recordCount++;
    }
}
