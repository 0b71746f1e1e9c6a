package io.github.rcdetect.parse;

import io.github.rcdetect.event.ErrorType;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;

/**
 * Event-time parsing. Input: ISO-8601 with any fraction length (Azure writes 7 digits, ECS may carry
 * 9) and an offset or {@code Z} (none means UTC, as Elasticsearch reads it), or epoch milliseconds as a JSON integer.
 * Flink event time is milliseconds, so finer fractions are truncated.
 */
public final class Timestamps {
    private static final DateTimeFormatter ISO_INPUT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter()
            // A date that does not exist (2026-11-31) is an error, not silently the last of the month.
            .withResolverStyle(ResolverStyle.STRICT);

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
        long millis = parseCommonIso(text);
        return millis >= 0 ? millis : parseWithFormatter(field, text);
    }

    /** Any ISO-8601 shape the input format allows, with the reason when it is none. */
    static long parseWithFormatter(FieldPath field, String text) throws InvalidRecordException {
        try {
            TemporalAccessor parsed = ISO_INPUT.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
            Instant instant = parsed instanceof OffsetDateTime
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

    /**
     * The shape nearly every record has, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z|±HH:MM|±HHMM]}, read without the
     * formatter, which allocates several hash maps per call; -1 for anything else (including times before 1970), which
     * the formatter then reads or rejects, so both paths accept the same texts with the same result.
     */
    static long parseCommonIso(String text) {
        int length = text.length();
        if (length < 19
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || (text.charAt(10) != 'T' && text.charAt(10) != 't')
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return -1;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 1970
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || day > Month.of(month).length(Year.isLeap(year))) {
            return -1;
        }
        int position = 19;
        long millisOfSecond = 0;
        if (position < length && text.charAt(position) == '.') {
            int fractionStart = ++position;
            while (position < length && isDigit(text.charAt(position))) {
                position++;
            }
            int fractionDigits = position - fractionStart;
            if (fractionDigits < 1 || fractionDigits > 9) {
                return -1;
            }
            millisOfSecond = digits(text, fractionStart, Math.min(3, fractionDigits));
            for (int i = fractionDigits; i < 3; i++) {
                millisOfSecond *= 10;
            }
        }
        int offsetSeconds = 0;
        if (position < length) {
            char sign = text.charAt(position);
            if ((sign == 'Z' || sign == 'z') && position + 1 == length) {
                offsetSeconds = 0;
            } else if ((sign == '+' || sign == '-') && (length - position == 6 || length - position == 5)) {
                boolean colon = length - position == 6;
                if (colon && text.charAt(position + 3) != ':') {
                    return -1;
                }
                int offsetHours = digits(text, position + 1, 2);
                int offsetMinutes = digits(text, position + (colon ? 4 : 3), 2);
                if (offsetHours < 0
                        || offsetHours > 18
                        || offsetMinutes < 0
                        || offsetMinutes > 59
                        || (offsetHours == 18 && offsetMinutes > 0)) {
                    return -1;
                }
                offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
            } else {
                return -1;
            }
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L
                + hour * 3600L
                + minute * 60L
                + second
                - offsetSeconds;
        return epochSecond < 0 ? -1 : epochSecond * 1000 + millisOfSecond;
    }

    /** The decimal number of {@code count} ASCII digits at {@code start}, or -1 when they are not all digits. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static InvalidRecordException invalid(FieldPath field, String message) {
        return new InvalidRecordException(ErrorType.INVALID_TIMESTAMP, field.path() + ": " + message);
    }
}
