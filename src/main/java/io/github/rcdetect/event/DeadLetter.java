package io.github.rcdetect.event;

import io.github.rcdetect.domain.RunAsPasswords;

/** A record the job could not use: its original bytes, why, and where it came from. */
public class DeadLetter {
    public ErrorType errorType;
    public String errorMessage;
    public Origin origin;
    /** The original bytes (possibly truncated to a bound, see {@link #originalLength}). */
    public byte[] original;
    /** Length of the whole original record in bytes; larger than {@code original.length} when truncated. */
    public long originalLength;

    public DeadLetter() {}

    /**
     * A dead letter, with any RunAs password in its message or original bytes hidden (docs/spec.md, section 10): this
     * is the one place every dead letter is made, so none can carry one out.
     */
    public static DeadLetter of(ErrorType errorType, String errorMessage, Origin origin, byte[] original, long length) {
        DeadLetter deadLetter = new DeadLetter();
        deadLetter.errorType = errorType;
        deadLetter.errorMessage = RunAsPasswords.redact(errorMessage);
        deadLetter.origin = origin;
        deadLetter.original = RunAsPasswords.redactJson(original, original != null && original.length < length);
        deadLetter.originalLength = length;
        return deadLetter;
    }
}
