package io.github.rcdetect.io.file;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Finds and counts {@code '\n'} bytes eight at a time: the line reader and the split planner scan every byte. */
final class Newlines {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long BYTE_PAIRS = 0x00FF00FF00FF00FFL;
    private static final long LANES = 0x0001000100010001L;

    private Newlines() {}

    /** The first '\n' in {@code bytes[from, to)}, or -1. */
    static int indexOf(byte[] bytes, int from, int to) {
        int i = from;
        // A word holds a '\n' when, XORed with eight of them, it holds a zero byte; the test may flag a word with
        // none (a borrow), which the byte loop then settles.
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
            if (((word - ONES) & ~word & HIGH_BITS) != 0) {
                break;
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** How many '\n' bytes {@code bytes[from, to)} holds. */
    static long count(byte[] bytes, int from, int to) {
        long count = 0;
        int i = from;
        while (i + Long.BYTES <= to) {
            // Per word, a 1 in each byte that was '\n' (exact, unlike indexOf's test), summed bytewise over at most
            // 255 words so no byte overflows, then the bytes added up in 16-bit lanes: no call (such as bitCount)
            // that C1 would leave in the loop.
            long ones = 0;
            int end = Math.min(to - Long.BYTES + 1, i + 255 * Long.BYTES);
            for (; i < end; i += Long.BYTES) {
                long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
                ones += (~(((word & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | word) & HIGH_BITS) >>> 7;
            }
            long pairs = (ones & BYTE_PAIRS) + ((ones >>> 8) & BYTE_PAIRS);
            count += (pairs * LANES) >>> 48;
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }
}
