package io.github.rcdetect.serialization;

import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;

/** The field encodings the hand-written serializers share; every reference may be null. */
public final class Wire {
    /** The most characters modified UTF-8 (at most 3 bytes each, 65,535 bytes in all) always holds. */
    static final int MAX_COMPACT_CHARS = 65_535 / 3;

    private static final byte NULL = 0;
    private static final byte COMPACT = 1;
    private static final byte LONG_STRING = 2;

    private Wire() {}

    public static void writeString(String value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
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
            default:
                throw new IOException("not a string written by Wire: kind " + kind);
        }
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
