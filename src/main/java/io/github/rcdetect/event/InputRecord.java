package io.github.rcdetect.event;

/**
 * What a source emits for each input record: a parsed event of its stream, a dead letter, or, for an event no rule can
 * use, only its time. Sources emit all three in line so that nothing is dropped before it is counted and routed, and
 * every record moves the watermark.
 */
public class InputRecord {
    public ActivityEvent activity;
    public ProcessEvent process;
    public DeadLetter deadLetter;
    /** Event time of an unused event (neither event nor dead letter is set); epoch milliseconds. */
    public long unusedEventTime = Long.MIN_VALUE;
    /**
     * The bytes of the file this record was read from (its line and line break), for a bounded run's progress; 0 for
     * the further records of an Event Hub batch line, and for Kafka records.
     */
    public int fileBytes;

    public InputRecord() {}

    public static InputRecord of(ActivityEvent event) {
        InputRecord record = new InputRecord();
        record.activity = event;
        return record;
    }

    public static InputRecord of(ProcessEvent event) {
        InputRecord record = new InputRecord();
        record.process = event;
        return record;
    }

    public static InputRecord of(DeadLetter deadLetter) {
        InputRecord record = new InputRecord();
        record.deadLetter = deadLetter;
        return record;
    }

    /** A valid event that no rule can use: read and checked, but all that is kept is its time. */
    public static InputRecord unused(long eventTime) {
        InputRecord record = new InputRecord();
        record.unusedEventTime = eventTime;
        return record;
    }

    /** Event time for watermarking; dead letters have none and never move a watermark. */
    public long eventTime() {
        if (activity != null) {
            return activity.timestamp;
        }
        if (process != null) {
            return process.timestamp;
        }
        return unusedEventTime;
    }
}
