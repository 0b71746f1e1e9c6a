package io.github.rcdetect.event;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

class Iso8601Test {
    private static final DateTimeFormatter FORMATTER =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Any instant, in the years written by hand and well beyond them on both sides. */
    @Property(tries = 20_000)
    void writesWhatTheFormatterWrites(
            @ForAll @LongRange(min = -100_000_000_000_000L, max = 400_000_000_000_000L) long epochMillis) {
        assertThat(Iso8601.format(epochMillis)).isEqualTo(FORMATTER.format(Instant.ofEpochMilli(epochMillis)));
    }

    @ParameterizedTest
    @ValueSource(
            longs = {
                Iso8601.FIRST_WRITTEN_BY_HAND - 1,
                Iso8601.FIRST_WRITTEN_BY_HAND,
                Iso8601.LAST_WRITTEN_BY_HAND,
                Iso8601.LAST_WRITTEN_BY_HAND + 1,
                -1,
                0,
                951_782_400_000L, // 2000-02-29
                4_107_456_000_000L, // 2100-03-01, after a February of 28 days
                1_773_134_070_412L
            })
    void writesTheEdgesOfTheYearsWrittenByHandAsTheFormatterDoes(long epochMillis) {
        assertThat(Iso8601.format(epochMillis)).isEqualTo(FORMATTER.format(Instant.ofEpochMilli(epochMillis)));
    }

    @ParameterizedTest
    @CsvSource({
        "-62135596800000, 0001-01-01T00:00:00.000Z",
        "253402300799999, 9999-12-31T23:59:59.999Z",
        "1773134070412, 2026-03-10T09:14:30.412Z",
        "-1, 1969-12-31T23:59:59.999Z"
    })
    void writesKnownInstantsAsIso8601(long epochMillis, String text) {
        assertThat(Iso8601.format(epochMillis)).isEqualTo(text);
    }
}
