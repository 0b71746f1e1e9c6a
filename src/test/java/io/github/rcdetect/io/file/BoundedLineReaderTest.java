package io.github.rcdetect.io.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

class BoundedLineReaderTest {

    private static List<String> lines(String text, int maxKept) throws IOException {
        BoundedLineReader reader =
                new BoundedLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxKept);
        List<String> lines = new ArrayList<>();
        while (reader.next()) {
            lines.add(new String(reader.bytes(), 0, reader.keptLength(), StandardCharsets.UTF_8)
                    + "|"
                    + reader.length()
                    + (reader.isBlank() ? "|blank" : ""));
        }
        return lines;
    }

    @Test
    void splitsOnNewlinesDroppingCarriageReturns() throws IOException {
        assertThat(lines("a\r\nbc\n\n  \nd", 100)).containsExactly("a|1", "bc|2", "|0|blank", "  |2|blank", "d|1");
    }

    @Test
    void noLineForATrailingNewline() throws IOException {
        assertThat(lines("a\n", 100)).containsExactly("a|1");
        assertThat(lines("", 100)).isEmpty();
    }

    @Test
    void longLinesAreMeasuredButOnlyTheirStartIsKept() throws IOException {
        assertThat(lines("abcdefghij\nxy\n", 4)).containsExactly("abcd|10", "xy|2");
    }

    /** Against a plain split, on random bytes near '\n' in value (0x0A ^ 0x80, 0x0B, 0x09) and random read sizes. */
    @Test
    void findsEveryNewlineWhereverItFallsInAWordOrARead() throws IOException {
        byte[] alphabet = {'\n', '\r', 'a', '{', (byte) 0x8A, 0x0B, 0x09, (byte) 0xFF, 0x00};
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 300; round++) {
            byte[] text = new byte[random.nextInt(300)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(random.nextBoolean() ? alphabet.length : 3)];
            }
            int chunk = 1 + random.nextInt(40);
            InputStream in = new ByteArrayInputStream(text) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, chunk));
                }
            };
            BoundedLineReader reader = new BoundedLineReader(in, 1000);
            List<String> read = new ArrayList<>();
            while (reader.next()) {
                read.add(new String(reader.bytes(), 0, reader.keptLength(), StandardCharsets.ISO_8859_1));
            }
            assertThat(read).isEqualTo(plainSplit(text));
        }
    }

    private static List<String> plainSplit(byte[] text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length; i++) {
            if (i == text.length ? i > start : text[i] == '\n') {
                int end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                lines.add(new String(text, start, end - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        return lines;
    }

    @Test
    void aHugeLineNeverGrowsTheBufferBeyondTheBound() throws IOException {
        long size = 50L * 1024 * 1024;
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                return served++ < size ? 'x' : (served == size + 1 ? '\n' : -1);
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (served > size) {
                    return -1;
                }
                int n = 0;
                while (n < len && served <= size) {
                    b[off + n++] = (byte) read();
                }
                return n;
            }
        };
        BoundedLineReader reader = new BoundedLineReader(endless, 1024);
        assertThat(reader.next()).isTrue();
        assertThat(reader.length()).isEqualTo(size);
        assertThat(reader.keptLength()).isEqualTo(1024);
        assertThat(reader.bytes().length).isLessThanOrEqualTo(8 * 1024);
        assertThat(reader.next()).isFalse();
    }
}
