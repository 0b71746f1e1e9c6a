package io.github.rcdetect.parse;

import java.io.Serializable;
import java.time.Duration;

/**
 * Bounds that keep a hostile record from exhausting memory or time, and the clock-skew bound that keeps a record
 * stamped far in the future from dragging the watermark ahead of every other record.
 */
public final class ParserLimits implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_MAX_RECORD_BYTES = 4 * 1024 * 1024;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
    public static final int DEFAULT_MAX_STRING_LENGTH = 1024 * 1024;
    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofHours(1);
    /** How much of a bad record a dead letter keeps. */
    public static final int DEFAULT_MAX_DEAD_LETTER_BYTES = 64 * 1024;

    private final int maxRecordBytes;
    private final int maxNestingDepth;
    private final int maxStringLength;
    private final long maxFutureSkewMillis;
    private final int maxDeadLetterBytes;

    public ParserLimits(
            int maxRecordBytes,
            int maxNestingDepth,
            int maxStringLength,
            Duration maxFutureSkew,
            int maxDeadLetterBytes) {
        this.maxRecordBytes = positive(maxRecordBytes, "max record bytes");
        this.maxNestingDepth = positive(maxNestingDepth, "max nesting depth");
        this.maxStringLength = positive(maxStringLength, "max string length");
        this.maxFutureSkewMillis = maxFutureSkew.toMillis();
        this.maxDeadLetterBytes = positive(maxDeadLetterBytes, "max dead-letter bytes");
    }

    public static ParserLimits defaults() {
        return new ParserLimits(
                DEFAULT_MAX_RECORD_BYTES,
                DEFAULT_MAX_NESTING_DEPTH,
                DEFAULT_MAX_STRING_LENGTH,
                DEFAULT_MAX_FUTURE_SKEW,
                DEFAULT_MAX_DEAD_LETTER_BYTES);
    }

    private static int positive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    public int maxStringLength() {
        return maxStringLength;
    }

    public long maxFutureSkewMillis() {
        return maxFutureSkewMillis;
    }

    public int maxDeadLetterBytes() {
        return maxDeadLetterBytes;
    }
}
