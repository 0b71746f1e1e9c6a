package io.github.rcdetect.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The word-at-a-time ASCII scan finds the first bad byte wherever it sits relative to the eight-byte words. */
class WellFormedUtf8Test {
    private final WellFormedUtf8 utf8 = new WellFormedUtf8();

    @Test
    void findsABadByteAtEveryPositionAndOffset() {
        for (int offset = 0; offset < 9; offset++) {
            for (int length = 0; length < 40; length++) {
                byte[] bytes = new byte[offset + length + 3];
                Arrays.fill(bytes, (byte) 'a');
                assertThat(utf8.firstMalformed(bytes, offset, length)).isEqualTo(-1);
                for (int bad = 0; bad < length; bad++) {
                    byte[] withBadByte = bytes.clone();
                    withBadByte[offset + bad] = (byte) 0xFF;
                    assertThat(utf8.firstMalformed(withBadByte, offset, length))
                            .as("offset %d, length %d, bad byte at %d", offset, length, bad)
                            .isEqualTo(bad);
                }
            }
        }
    }

    @Test
    void bytesOutsideTheRangeAreNotLookedAt() {
        byte[] bytes = "\u00ff\u00ffabcdefghijklmnop\u00ff".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(utf8.firstMalformed(bytes, 2, bytes.length - 3)).isEqualTo(-1);
    }

    @Test
    void wellFormedMultiByteTextAfterAsciiIsAccepted() {
        byte[] bytes = "0123456789abcdef é \u0800 \uD83D\uDE00".getBytes(StandardCharsets.UTF_8);

        assertThat(utf8.firstMalformed(bytes, 0, bytes.length)).isEqualTo(-1);
    }
}
