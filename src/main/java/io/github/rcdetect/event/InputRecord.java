package io.github.rcdetect.event;

/**
 * What a source emits for each input record: a parsed event of its stream, or a dead letter. Sources emit dead
 * letters in line with the events so that nothing is dropped before it is counted and routed.
 */
public class InputRecord {
    public ActivityEvent activity;
    public ProcessEvent process;
    public DeadLetter deadLetter;

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

    /** Event time for watermarking; dead letters have none and never move a watermark. */
    public long eventTime() {
        if (activity != null) {
            return activity.timestamp;
        }
        if (process != null) {
            return process.timestamp;
        }
        return Long.MIN_VALUE;
    }
}
