package io.github.rcdetect.testing.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How a record writes its time; every format of an instant denotes the same millisecond. */
public enum TimeFormat {
    /** {@code 2026-03-10T10:00:00.123Z}. */
    MILLIS_Z,
    /** Azure's seven fraction digits. */
    AZURE_7_DIGITS,
    /** Nine fraction digits, as ECS may carry them. */
    NANOS_9_DIGITS,
    /** An offset of +02:00 instead of Z. */
    PLUS_TWO_HOURS,
    /** Epoch milliseconds as a JSON number. */
    EPOCH_MILLIS;

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS_PLUS_TWO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.ofHours(2));

    /** The time in this format; digits below the millisecond vary with the instant but never change it. */
    public JsonNode render(Instant instant) {
        long finer = Math.floorMod(instant.toEpochMilli() * 7919 + 13, 1_000_000);
        return switch (this) {
            case MILLIS_Z -> TextNode.valueOf(MILLIS.format(instant) + "Z");
            case AZURE_7_DIGITS ->
                TextNode.valueOf(MILLIS.format(instant) + String.format("%04d", finer % 10_000) + "Z");
            case NANOS_9_DIGITS -> TextNode.valueOf(MILLIS.format(instant) + String.format("%06d", finer) + "Z");
            case PLUS_TWO_HOURS -> TextNode.valueOf(MILLIS_PLUS_TWO.format(instant));
            case EPOCH_MILLIS -> LongNode.valueOf(instant.toEpochMilli());
        };
    }
}
