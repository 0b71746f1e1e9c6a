package io.github.rcdetect.io.file;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sort keys of output lines, written as {@code String.format}'s zero-padded integers write them. */
class OutputLineTest {

    @Property(tries = 5_000)
    void zeroPaddingWritesWhatTheFormatterWrites(@ForAll long value, @ForAll @IntRange(min = 1, max = 24) int width) {
        assertThat(OutputLine.zeroPadded(value, width)).isEqualTo(String.format("%0" + width + "d", value));
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 1, 1_773_134_070_412L, -1_000_000_000L})
    void zeroPaddingOfTheEdgesWritesWhatTheFormatterWrites(long value) {
        for (int width : new int[] {10, 20}) {
            assertThat(OutputLine.zeroPadded(value, width)).isEqualTo(String.format("%0" + width + "d", value));
        }
    }
}
