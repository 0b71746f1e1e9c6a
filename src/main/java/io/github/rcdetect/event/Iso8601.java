package io.github.rcdetect.event;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one time format of every output: ISO-8601 UTC with millisecond precision and {@code Z}. */
public final class Iso8601 {
    private static final DateTimeFormatter OUTPUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Iso8601() {}

    public static String format(long epochMillis) {
        return OUTPUT.format(Instant.ofEpochMilli(epochMillis));
    }
}
