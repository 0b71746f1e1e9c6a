package io.github.rcdetect.parse;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;

/**
 * Event-time parsing and formatting. Input: ISO-8601 with any fraction length (Azure writes 7 digits, ECS may carry
 * 9) and an offset or {@code Z} (none means UTC, as Elasticsearch reads it), or epoch milliseconds as a JSON integer.
 * Flink event time is milliseconds, so finer fractions are truncated.
 */
public final class Timestamps {
    private static final DateTimeFormatter ISO_INPUT =
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .optionalStart()
                    .appendOffset("+HH:MM", "Z")
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HHMM", "Z")
                    .optionalEnd()
                    .toFormatter();

    private static final DateTimeFormatter OUTPUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** Epoch milliseconds of a captured {@code @timestamp}/{@code time} value. */
    static long parse(FieldPath field, Object value) throws InvalidRecordException {
        if (value instanceof Long) {
            long millis = (Long) value;
            if (millis < 0) {
                throw invalid(field, "epoch milliseconds " + millis + " is before 1970");
            }
            return millis;
        }
        if (value instanceof String) {
            return parseIso(field, (String) value);
        }
        throw invalid(
                field,
                "expected an ISO-8601 string or epoch milliseconds, found "
                        + (value instanceof BigDecimal
                                ? "the fraction " + Texts.number((BigDecimal) value)
                                : CapturedRecord.describe(value)));
    }

    private static long parseIso(FieldPath field, String text) throws InvalidRecordException {
        try {
            TemporalAccessor parsed = ISO_INPUT.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
            Instant instant =
                    parsed instanceof OffsetDateTime
                            ? ((OffsetDateTime) parsed).toInstant()
                            : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            if (instant.isBefore(Instant.EPOCH)) {
                throw invalid(field, "\"" + Texts.clip(text) + "\" is before 1970");
            }
            return instant.toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            throw invalid(field, "\"" + Texts.clip(text) + "\" is not an ISO-8601 date-time");
        }
    }

    private static InvalidRecordException invalid(FieldPath field, String message) {
        return new InvalidRecordException("invalid_timestamp", field.path() + ": " + message);
    }

    /** ISO-8601 UTC with millisecond precision and {@code Z}, the alert time format. */
    public static String format(long epochMillis) {
        return OUTPUT.format(Instant.ofEpochMilli(epochMillis));
    }
}
