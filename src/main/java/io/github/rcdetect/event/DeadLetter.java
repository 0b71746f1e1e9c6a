package io.github.rcdetect.event;

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

    public static DeadLetter of(ErrorType errorType, String errorMessage, Origin origin, byte[] original, long length) {
        DeadLetter deadLetter = new DeadLetter();
        deadLetter.errorType = errorType;
        deadLetter.errorMessage = errorMessage;
        deadLetter.origin = origin;
        deadLetter.original = original;
        deadLetter.originalLength = length;
        return deadLetter;
    }
}
