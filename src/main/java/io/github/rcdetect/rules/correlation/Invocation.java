package io.github.rcdetect.rules.correlation;

import io.github.rcdetect.event.ActivityEvent;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One Run Command invocation on a host: the records Azure wrote for it (Started, Accepted, Succeeded share one
 * correlation id), timed at the earliest of them. Each correlation rule keeps it in state as a subclass of its own
 * (R1's is {@code rules.r1.Invocation}), so the class a savepoint names is the rule's and never changes when the
 * engine does.
 */
public class Invocation {
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Records kept per invocation; Azure writes a handful, a hostile stream could write millions. */
    static final int MAX_RECORDS = 32;

    /**
     * Record order independent of arrival order: time, then every field the alert takes from a record (its id's
     * spelling, the caller, the subscription), then where it was read. Records at one millisecond that differ in
     * content must not be ordered by file and line: the first of them names the invocation's id and caller and, for
     * invocations without id, decides which is the latest, so the alert would change with the layout of the input.
     */
    static final Comparator<ActivityEvent> RECORD_ORDER = Comparator.<ActivityEvent>comparingLong(e -> e.timestamp)
            .thenComparing(e -> e.outcome, NULLS_FIRST)
            .thenComparing(e -> e.eventId, NULLS_FIRST)
            .thenComparing(e -> e.correlationId, NULLS_FIRST)
            .thenComparing(e -> e.action, NULLS_FIRST)
            .thenComparing(e -> e.userEmail, NULLS_FIRST)
            .thenComparing(e -> e.principalId, NULLS_FIRST)
            .thenComparing(e -> e.sourceIp, NULLS_FIRST)
            .thenComparing(e -> e.sourceAsNumber, Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
            .thenComparing(e -> e.sourceGeoCountryName, NULLS_FIRST)
            .thenComparing(e -> e.tenantId, NULLS_FIRST)
            .thenComparing(e -> e.subscriptionId, NULLS_FIRST)
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

    /** Makes this the invocation of its first record. */
    public void start(ActivityEvent record) {
        hostKey = record.hostKey;
        correlationId = record.correlationId;
        timestamp = record.timestamp;
        records = new ActivityEvent[] {record};
        recordCount = 1;
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
