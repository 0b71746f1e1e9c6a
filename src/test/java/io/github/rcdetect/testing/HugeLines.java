package io.github.rcdetect.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Records too big or too deep for the parser's limits, written as they are made, never held whole in memory. */
public final class HugeLines {
    /** 100 MB: 25 times the record limit, a size no buffer of the job may grow to. */
    public static final long HUNDRED_MB = 100_000_000L;

    public static final int DEPTH = 100_000;

    private HugeLines() {}

    /** A process record whose command line makes the line {@code length} bytes long (no newline); returns the length. */
    public static long writeHugeRecord(OutputStream out, long length) throws IOException {
        byte[] head = "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"command_line\":\""
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}}".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'A');
        out.write(head);
        long remaining = length - head.length - tail.length;
        while (remaining > 0) {
            int n = (int) Math.min(chunk.length, remaining);
            out.write(chunk, 0, n);
            remaining -= n;
        }
        out.write(tail);
        return length;
    }

    /** A record holding an array nested {@link #DEPTH} deep: {@code {"@timestamp":..., "x":[[[...]]]}}. */
    public static String deepArrayRecord() {
        return "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":" + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "}";
    }

    /** Objects nested {@link #DEPTH} deep along a path the parser reads ({@code process.parent.process...}). */
    public static String deepObjectRecord() {
        return "{\"@timestamp\":\"2026-03-10T10:00:00Z\","
                + "\"process\":{\"parent\":{".repeat(DEPTH / 2)
                + "\"name\":\"x\""
                + "}}".repeat(DEPTH / 2)
                + "}";
    }
}
