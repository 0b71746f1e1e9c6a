package io.github.rcdetect.io.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads {@code \n}-separated lines (dropping a {@code \r} before it), keeping at most {@code maxKept} bytes of each
 * while still measuring its full length, so a gigantic line costs time but never memory.
 */
final class BoundedLineReader {
    private final InputStream in;
    private final int maxKept;
    private final byte[] buffer = new byte[64 * 1024];
    private long remaining;
    private int bufferPos;
    private int bufferEnd;
    private byte[] line = new byte[8 * 1024];
    private int kept;
    private long length;

    BoundedLineReader(InputStream in, int maxKept) {
        this(in, Long.MAX_VALUE, maxKept);
    }

    /** Reads at most {@code limit} bytes of {@code in}: one split of a file. */
    BoundedLineReader(InputStream in, long limit, int maxKept) {
        this.in = in;
        this.remaining = limit;
        this.maxKept = maxKept;
    }

    /** Advances to the next line; false at the end of input. */
    boolean next() throws IOException {
        kept = 0;
        length = 0;
        boolean any = false;
        while (true) {
            if (bufferPos == bufferEnd) {
                bufferEnd = remaining > 0 ? in.read(buffer, 0, (int) Math.min(buffer.length, remaining)) : 0;
                bufferPos = 0;
                remaining -= Math.max(bufferEnd, 0);
                if (bufferEnd <= 0) {
                    bufferEnd = 0;
                    dropCarriageReturn();
                    return any;
                }
            }
            any = true;
            int newline = Newlines.indexOf(buffer, bufferPos, bufferEnd);
            int end = newline >= 0 ? newline : bufferEnd;
            append(bufferPos, end - bufferPos);
            bufferPos = newline >= 0 ? newline + 1 : bufferEnd;
            if (newline >= 0) {
                dropCarriageReturn();
                return true;
            }
        }
    }

    /** The kept bytes of the line, {@code [0, keptLength())}. */
    byte[] bytes() {
        return line;
    }

    int keptLength() {
        return kept;
    }

    /** The full length of the line in bytes. */
    long length() {
        return length;
    }

    /** Whether the line holds only ASCII whitespace. */
    boolean isBlank() {
        for (int i = 0; i < kept; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return kept == length;
    }

    private void append(int from, int count) {
        length += count;
        int room = maxKept - kept;
        int copy = Math.min(room, count);
        if (copy <= 0) {
            return;
        }
        if (kept + copy > line.length) {
            line = Arrays.copyOf(line, Math.min(maxKept, Math.max(line.length * 2, kept + copy)));
        }
        System.arraycopy(buffer, from, line, kept, copy);
        kept += copy;
    }

    private void dropCarriageReturn() {
        if (kept > 0 && kept == length && line[kept - 1] == '\r') {
            kept--;
            length--;
        }
    }
}
