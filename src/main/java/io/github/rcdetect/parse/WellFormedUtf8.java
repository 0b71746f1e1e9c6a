package io.github.rcdetect.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Finds bytes that are not well-formed UTF-8 (RFC 3629). Jackson rejects stray and truncated bytes but decodes
 * overlong forms ({@code C0 AE} as '.'), encoded surrogates and code points above U+10FFFF into text, so a record
 * could read differently here than in any strict consumer; the JDK decoder rejects all of them. One per parser
 * (not thread-safe), reusing a small buffer so checking costs no allocation per record.
 */
final class WellFormedUtf8 {
    /** Eight bytes of an array as one long, so one test covers eight high bits. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long HIGH_BITS = 0x8080808080808080L;

    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer chars = CharBuffer.allocate(8 * 1024);

    /** Position of the first byte of {@code bytes[offset, offset + length)} that is not UTF-8, relative to offset, or -1. */
    int firstMalformed(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int position = offset;
        // Nearly all records are ASCII: test eight bytes at a time for a high bit, then find it byte by byte.
        while (position + Long.BYTES <= end && ((long) LONGS.get(bytes, position) & HIGH_BITS) == 0) {
            position += Long.BYTES;
        }
        while (position < end && bytes[position] >= 0) {
            position++;
        }
        if (position == end) {
            return -1;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, position, end - position);
        decoder.reset();
        while (true) {
            chars.clear();
            CoderResult result = decoder.decode(in, chars, true);
            if (result.isError()) {
                return in.position() - offset;
            }
            if (result.isUnderflow()) {
                return -1;
            }
        }
    }
}
