package io.github.rcdetect.serialization;

import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** The field encodings the hand-written serializers share; every reference may be null. */
public final class Wire {
    /** The most characters modified UTF-8 (at most 3 bytes each, 65,535 bytes in all) always holds. */
    static final int MAX_COMPACT_CHARS = 65_535 / 3;

    private static final byte NULL = 0;
    private static final byte COMPACT = 1;
    private static final byte LONG_STRING = 2;
    private static final byte ASCII = 3;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long QUESTION_MARKS = 0x3F3F3F3F3F3F3F3FL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Wire() {}

    /**
     * Text that is all ASCII, as nearly all of it is (an output line always), goes as its bytes, copied whole each way:
     * modified UTF-8 takes every character through a call or two on both ends under C1, which made a round trip of the
     * 120,000 alert lines of the 10 %-matching stress mix take 1.64-1.74 s against 0.36-0.38 s so. Other text keeps
     * modified UTF-8, which holds every UTF-16 unit, lone surrogates included.
     */
    public static void writeString(String value, DataOutputView out) throws IOException {
        byte[] ascii;
        if (value == null) {
            out.writeByte(NULL);
        } else if ((ascii = asciiBytes(value)) != null) {
            out.writeByte(ASCII);
            out.writeInt(ascii.length);
            out.write(ascii);
        } else if (value.length() <= MAX_COMPACT_CHARS) {
            out.writeByte(COMPACT);
            out.writeUTF(value);
        } else {
            out.writeByte(LONG_STRING);
            StringValue.writeString(value, out);
        }
    }

    public static String readString(DataInputView in) throws IOException {
        byte kind = in.readByte();
        switch (kind) {
            case NULL:
                return null;
            case COMPACT:
                return in.readUTF();
            case LONG_STRING:
                return StringValue.readString(in);
            case ASCII:
                byte[] ascii = new byte[in.readInt()];
                in.readFully(ascii);
                return new String(ascii, StandardCharsets.ISO_8859_1);
            default:
                throw new IOException("not a string written by Wire: kind " + kind);
        }
    }

    /** The bytes of a string of ASCII characters only, else null. */
    private static byte[] asciiBytes(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != value.length()) {
            return null;
        }
        // One byte per character: each is ASCII, or a lone surrogate the encoder replaced with '?'. Words without a
        // '?' are passed eight bytes at a time (the test may flag a word with none, which the byte check settles).
        int i = 0;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i) ^ QUESTION_MARKS;
            if (((word - ONES) & ~word & HIGH_BITS) != 0 && !questionMarksAreText(bytes, value, i, i + Long.BYTES)) {
                return null;
            }
        }
        return questionMarksAreText(bytes, value, i, bytes.length) ? bytes : null;
    }

    private static boolean questionMarksAreText(byte[] bytes, String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '?' && value.charAt(i) != '?') {
                return false;
            }
        }
        return true;
    }

    static void writeStrings(String[] values, DataOutputView out) throws IOException {
        if (writeLength(values == null ? -1 : values.length, out)) {
            for (String value : values) {
                writeString(value, out);
            }
        }
    }

    static String[] readStrings(DataInputView in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        String[] values = new String[length];
        for (int i = 0; i < length; i++) {
            values[i] = readString(in);
        }
        return values;
    }

    /** Writes an array's length, -1 for null; true when elements follow. */
    static boolean writeLength(int length, DataOutputView out) throws IOException {
        out.writeInt(length);
        return length > 0;
    }

    static void writeLong(Long value, DataOutputView out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    static Long readLong(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    static void writeInteger(Integer value, DataOutputView out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    static Integer readInteger(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    /** An enum constant by its ordinal, -1 for null: both ends run the same build. */
    static void writeEnum(Enum<?> value, DataOutputView out) throws IOException {
        out.writeByte(value == null ? -1 : value.ordinal());
    }

    static <E extends Enum<E>> E readEnum(E[] constants, DataInputView in) throws IOException {
        byte ordinal = in.readByte();
        return ordinal < 0 ? null : constants[ordinal];
    }

    /** Whether a nested object follows; false for null. */
    static boolean writePresence(Object value, DataOutputView out) throws IOException {
        out.writeBoolean(value != null);
        return value != null;
    }
}
