package io.github.rcdetect.event;

/**
 * One message of a tuning topic (docs/spec.md, section 11): an exception item or a value list to put under its key, a
 * tombstone deleting the key, or a dead letter. The value is kept as the text it came as, so that the state holding
 * it reads the same in every later version of the job.
 */
public class TuningUpdate {
    /** {@link EventStream#EXCEPTIONS} or {@link EventStream#VALUE_LISTS}. */
    public EventStream stream;
    /** The item id or the list id. */
    public String key;
    /** The item's JSON or the list's values; null for a tombstone. */
    public String value;

    public Origin origin;
    public DeadLetter deadLetter;

    public TuningUpdate() {}

    public static TuningUpdate of(EventStream stream, String key, String value, Origin origin) {
        TuningUpdate update = new TuningUpdate();
        update.stream = stream;
        update.key = key;
        update.value = value;
        update.origin = origin;
        return update;
    }

    public static TuningUpdate of(EventStream stream, DeadLetter deadLetter) {
        TuningUpdate update = new TuningUpdate();
        update.stream = stream;
        update.deadLetter = deadLetter;
        return update;
    }

    public boolean isTombstone() {
        return deadLetter == null && value == null;
    }
}
