package io.github.rcdetect.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lazy {@link JsonDocumentReader}'s reading of a bare record, in one pass over the bytes without a tokenizer: it
 * captures exactly the values that reader captures, or gives up ({@code null}) on anything it is not certain Jackson
 * reads the same way, and the record is then read by Jackson. Nearly every record is noise, and for noise Jackson's
 * tokenizer was most of the job's parsing cost: every field name canonicalized, every token dispatched.
 *
 * <p>It accepts only strict RFC 8259 JSON within stricter bounds than Jackson's ({@link ParserLimits}), so anything it
 * accepts Jackson accepts too, and a record's dead letter always comes from Jackson. It gives up on an Event Hub batch
 * ({@code "records"} at the top), an escape or non-ASCII character that could lead to a wanted field, a number a wanted
 * field would hold as other than a long, and any grammar or limit violation. It checks the UTF-8 of every string as
 * it passes it (RFC 3629, as strictly as {@link WellFormedUtf8}, which then need not read the record again) and gives
 * up on a malformed sequence, so that the check names it. Not thread-safe: one per parser.
 */
final class LazyRecordScanner {
    /** Deepest nesting scanned; deeper records are left to Jackson, whose bound is the configured one. */
    private static final int MAX_DEPTH = 64;
    /** Longest field name scanned; Jackson's bound is 50,000. */
    private static final int MAX_NAME_BYTES = 1024;
    /** Longest number scanned; Jackson's bound is 1,000 characters. */
    private static final int MAX_NUMBER_BYTES = 100;
    /** Most digits of an integer certain to fit a long. */
    private static final int LONG_DIGITS = 18;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;
    private static final long BYTE_INDEXES = 0x0001020304050607L;

    private static final int ESCAPED = 1;
    private static final int MULTI_BYTE = 2;

    private static final byte[] BATCH_FIELD = "records".getBytes(StandardCharsets.US_ASCII);

    /** Thrown to give up; preallocated and without a stack trace, as giving up is control flow, not an error. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    private final FieldPath[] fields;
    private final PathTrie trie;
    /** By field ordinal: how the lazy reader reads the field. */
    private final FieldPath.Reading[] reading;

    private final int maxDepth;
    private final int maxStringLength;

    private byte[] bytes;
    private int position;
    private int end;
    private Object[] values;
    private boolean complete;
    /**
     * What {@link #endOfString} met since last cleared: {@link #ESCAPED}, {@link #MULTI_BYTE}. It meets them on its
     * slow path anyway, so readers of a string need no second pass over its bytes to know.
     */
    private int stringContents;

    LazyRecordScanner(FieldPath[] fields, ParserLimits limits) {
        this.fields = fields;
        this.trie = new PathTrie(fields);
        this.reading = new FieldPath.Reading[fields.length];
        for (FieldPath field : fields) {
            reading[field.ordinal()] = field.reading();
        }
        this.maxDepth = Math.min(MAX_DEPTH, limits.maxNestingDepth() - 1);
        this.maxStringLength = limits.maxStringLength();
    }

    /**
     * The record at {@code bytes[offset, offset + length)} as the lazy reader captures it, or null to leave it to that
     * reader.
     */
    CapturedRecord scan(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
        this.values = new Object[fields.length];
        this.complete = true;
        try {
            skipWhitespace();
            expect('{');
            readObject(trie.root(), false, 1);
            skipWhitespace();
            if (position != end) {
                return null;
            }
            return new CapturedRecord(fields, values, 0, length, null, null, complete);
        } catch (GiveUp e) {
            return null;
        } finally {
            this.bytes = null;
            this.values = null;
        }
    }

    /** The members of an object whose '{' was just read; {@code node} is the trie node of the object's path. */
    private void readObject(PathTrie.Node node, boolean nested, int depth) {
        if (depth > maxDepth) {
            throw GIVE_UP;
        }
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return;
        }
        expect('"');
        do {
            PathTrie.Node target = readName(node, nested, depth == 1);
            colon();
            readField(target, depth);
        } while (nextMember());
    }

    /**
     * Passes the ':' after a name and the whitespace around it. Records rarely have any, so the common case is tested
     * first, without the calls C1 would leave in (the same in {@link #nextMember} and {@link #endOfArray}).
     */
    private void colon() {
        int at = position;
        if (at + 1 < end && bytes[at] == ':' && bytes[at + 1] > ' ') {
            position = at + 1;
            return;
        }
        skipWhitespace();
        expect(':');
        skipWhitespace();
    }

    /**
     * After a member's value: true when a ',' and the next name's '"' follow, false at the object's '}' (either
     * consumed). The shape of {@link #endOfArray}, kept apart because testing ',"' at once saves the '"' check's call:
     * one method for both, with that check after it, made the parse 4 % slower under C1 (650 against 624 ms).
     */
    private boolean nextMember() {
        int at = position;
        if (at + 1 < end) {
            byte b = bytes[at];
            if (b == ',' && bytes[at + 1] == '"') {
                position = at + 2;
                return true;
            }
            if (b == '}') {
                position = at + 1;
                return false;
            }
        }
        skipWhitespace();
        byte next = next();
        if (next == '}') {
            return false;
        }
        if (next != ',') {
            throw GIVE_UP;
        }
        skipWhitespace();
        expect('"');
        return true;
    }

    /**
     * Reads a field name whose '"' was just read, walking the trie as {@link PathTrie.Node#walk} does; the node it
     * leads to, or null.
     */
    private PathTrie.Node readName(PathTrie.Node node, boolean nested, boolean topLevel) {
        // The hot loops keep the array, position and end in locals: bounded runs compile with C1, which would reload
        // the fields on every byte.
        byte[] bytes = this.bytes;
        int end = this.end;
        int start = position;
        int at = start;
        PathTrie.Node target = nested ? node.child('.') : node;
        KnownNames known = null;
        long first = 0;
        long second = 0;
        if (target != null && at + 2 * Long.BYTES <= end) {
            // A plain name of up to 15 bytes is looked up whole; one met for the first time is walked and remembered.
            known = target.knownNames;
            if (known == null) {
                known = target.knownNames = new KnownNames();
            }
            first = (long) LONGS.get(bytes, at);
            long flags = stringFlags(first);
            int length;
            if (flags != 0) {
                length = lowestFlaggedByte(flags);
                first &= ~(-1L << (length << 3));
            } else {
                second = (long) LONGS.get(bytes, at + Long.BYTES);
                flags = stringFlags(second);
                length = Long.BYTES + lowestFlaggedByte(flags);
                second &= ~(-1L << (length << 3));
            }
            if (flags == 0 || bytes[at + length] != '"') {
                known = null;
            } else {
                PathTrie.Node met = known.get(first, second);
                if (met != null) {
                    position = at + length + 1;
                    return met == KnownNames.OFF_TRIE ? null : met;
                }
            }
        }
        while (true) {
            if (at >= end) {
                throw GIVE_UP;
            }
            byte b = bytes[at];
            if (b == '"') {
                break;
            }
            if (b == '\\') {
                // An escape could spell a wanted path, or "records" at the top.
                if (target != null || topLevel) {
                    throw GIVE_UP;
                }
                at = skipEscape(at);
                continue;
            }
            if (b < 0) {
                // Every wanted path is ASCII, so a multi-byte character leads nowhere.
                target = null;
                at = afterMultiByte(at);
                continue;
            }
            if (b < 0x20) {
                throw GIVE_UP;
            }
            if (target == null) {
                // Off the trie: the rest is only checked, eight bytes at a time.
                stringContents = 0;
                at = endOfString(at);
                if (topLevel && (stringContents & ESCAPED) != 0) {
                    throw GIVE_UP;
                }
                break;
            }
            int index = b - target.lowestKey;
            target = index >= 0 && index < target.byKey.length ? target.byKey[index] : null;
            at++;
        }
        int length = at - start;
        position = at + 1;
        if (length > MAX_NAME_BYTES || topLevel && isBatchField(start, length)) {
            throw GIVE_UP;
        }
        if (known != null) {
            known.put(first, second, target == null ? KnownNames.OFF_TRIE : target);
        }
        return target;
    }

    /**
     * The bytes of a word a string's scan must look at, as their high bits: a quote, a backslash, a control character
     * or a byte of a multi-byte character. The lowest flagged byte is exact (a borrow may flag bytes above it, never
     * below).
     */
    private static long stringFlags(long word) {
        long quotes = word ^ QUOTES;
        long backslashes = word ^ BACKSLASHES;
        return ((quotes - ONES) & ~quotes | (backslashes - ONES) & ~backslashes | (word - SPACES) & ~word | word)
                & HIGH_BITS;
    }

    private boolean isBatchField(int start, int length) {
        if (length != BATCH_FIELD.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[start + i] != BATCH_FIELD[i]) {
                return false;
            }
        }
        return true;
    }

    /** A field's value, captured as {@link JsonDocumentReader} captures it. */
    private void readField(PathTrie.Node target, int depth) {
        if (target == null) {
            skipValue(depth);
            return;
        }
        int field = target.field;
        if (peek() == '{') {
            position++;
            if (target.hasChildren()) {
                readObject(target, true, depth + 1);
            } else {
                skipObject(depth + 1);
            }
            if (field >= 0) {
                CapturedRecord.capture(values, field, CapturedRecord.Shape.OBJECT);
            }
        } else if (field >= 0 && reading[field] != FieldPath.Reading.ALWAYS) {
            Object shape =
                    reading[field] == FieldPath.Reading.LAZILY_AS_INTEGER ? readInteger(depth) : readValue(depth, true);
            if (shape != null && values[field] != null) {
                complete = false;
            }
            CapturedRecord.capture(values, field, shape);
        } else if (field >= 0) {
            CapturedRecord.capture(values, field, readValue(depth, false));
        } else {
            skipValue(depth);
        }
    }

    /** {@link CapturedRecord#UNREAD_INTEGER} for an integer that fits a long, else the value read. */
    private Object readInteger(int depth) {
        byte b = peek();
        if (b == '-' || b >= '0' && b <= '9') {
            if (!skipNumber()) {
                throw GIVE_UP;
            }
            return CapturedRecord.UNREAD_INTEGER;
        }
        return readValue(depth, false);
    }

    /** A scalar or an array of scalars, {@link CapturedRecord.Shape#NESTED_ARRAY} for any other array. */
    private Object readValue(int depth, boolean unread) {
        if (peek() != '[') {
            return readScalar(unread);
        }
        position++;
        if (depth + 1 > maxDepth) {
            throw GIVE_UP;
        }
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return elements.toArray();
        }
        while (true) {
            byte b = peek();
            if (b == '{' || b == '[') {
                skipValue(depth + 1);
                if (!endOfArray()) {
                    skipRestOfArray(depth + 1);
                }
                return CapturedRecord.Shape.NESTED_ARRAY;
            }
            Object scalar = readScalar(unread);
            if (scalar != null) {
                elements.add(scalar);
            }
            if (endOfArray()) {
                return elements.toArray();
            }
        }
    }

    /** A string, long or boolean (each {@link CapturedRecord#UNREAD} if unread), or null for JSON null. */
    private Object readScalar(boolean unread) {
        byte b = next();
        switch (b) {
            case '"':
                if (unread) {
                    skipString();
                    return CapturedRecord.UNREAD;
                }
                return readString();
            case 't':
                literal('r', 'u', 'e');
                return unread ? CapturedRecord.UNREAD : Boolean.TRUE;
            case 'f':
                literal('a', 'l', 's', 'e');
                return unread ? CapturedRecord.UNREAD : Boolean.FALSE;
            case 'n':
                literal('u', 'l', 'l');
                return null;
            default:
                position--;
                int start = position;
                boolean integer = skipNumber();
                if (unread) {
                    return CapturedRecord.UNREAD;
                }
                // A fraction or a long integer would be a BigDecimal or text: left to Jackson.
                if (!integer) {
                    throw GIVE_UP;
                }
                return Long.parseLong(new String(bytes, start, position - start, StandardCharsets.ISO_8859_1));
        }
    }

    private void skipValue(int depth) {
        switch (peek()) {
            case '{':
                position++;
                skipObject(depth + 1);
                return;
            case '[':
                position++;
                if (depth + 1 > maxDepth) {
                    throw GIVE_UP;
                }
                skipWhitespace();
                if (peek() == ']') {
                    position++;
                    return;
                }
                skipRestOfArray(depth + 1);
                return;
            default:
                readScalar(true);
        }
    }

    /** The rest of an object whose '{' was just read. */
    private void skipObject(int depth) {
        readObject(null, false, depth);
    }

    /** The elements of an array from one that starts here, through its ']'. */
    private void skipRestOfArray(int depth) {
        do {
            skipValue(depth);
        } while (!endOfArray());
    }

    /** After an element: true at the array's ']', false at ',' with the next element ahead. */
    private boolean endOfArray() {
        int at = position;
        if (at + 1 < end) {
            byte b = bytes[at];
            if (b == ']') {
                position = at + 1;
                return true;
            }
            if (b == ',' && bytes[at + 1] > ' ') {
                position = at + 1;
                return false;
            }
        }
        skipWhitespace();
        byte b = next();
        if (b == ']') {
            return true;
        }
        if (b != ',') {
            throw GIVE_UP;
        }
        skipWhitespace();
        return false;
    }

    /**
     * Passes a number; whether it is an integer of at most {@link #LONG_DIGITS} digits (a fraction or an exponent is
     * not). Gives up on what RFC 8259 does not allow, such as a leading zero.
     */
    private boolean skipNumber() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        int digitsStart = position;
        byte b = next();
        if (b == '0') {
            // RFC 8259 allows no leading zero: "01" fails at the delimiter check.
        } else if (b >= '1' && b <= '9') {
            skipDigits();
        } else {
            throw GIVE_UP;
        }
        boolean integer = position - digitsStart <= LONG_DIGITS;
        if (peek() == '.') {
            position++;
            requireDigits();
            integer = false;
        }
        b = peek();
        if (b == 'e' || b == 'E') {
            position++;
            b = peek();
            if (b == '+' || b == '-') {
                position++;
            }
            requireDigits();
            integer = false;
        }
        if (position - start > MAX_NUMBER_BYTES) {
            throw GIVE_UP;
        }
        return integer;
    }

    private void requireDigits() {
        byte b = next();
        if (b < '0' || b > '9') {
            throw GIVE_UP;
        }
        skipDigits();
    }

    private void skipDigits() {
        while (position < end) {
            byte b = bytes[position];
            if (b < '0' || b > '9') {
                return;
            }
            position++;
        }
    }

    /** Passes a string whose '"' was just read, checking its escapes. */
    private void skipString() {
        position = endOfString(position) + 1;
    }

    /** The index of the '"' that ends the string whose text starts at {@code at}, checking its escapes. */
    private int endOfString(int at) {
        byte[] bytes = this.bytes;
        int end = this.end;
        while (true) {
            // Eight bytes at a time up to the first that needs a look: a quote, a backslash, a control character or
            // a byte of a multi-byte character. Each test flags exactly the lowest such byte (a borrow may flag bytes
            // above it, never below). As stringFlags, written out: C1 inlines no method of its size, and calling
            // it here made the parse 4 % slower (628 against 601 ms).
            while (at + Long.BYTES <= end) {
                long word = (long) LONGS.get(bytes, at);
                long quotes = word ^ QUOTES;
                long backslashes = word ^ BACKSLASHES;
                long flags = ((quotes - ONES) & ~quotes
                                | (backslashes - ONES) & ~backslashes
                                | (word - SPACES) & ~word
                                | word)
                        & HIGH_BITS;
                if (flags != 0) {
                    at += lowestFlaggedByte(flags);
                    break;
                }
                at += Long.BYTES;
            }
            if (at >= end) {
                throw GIVE_UP;
            }
            byte b = bytes[at];
            if (b == '"') {
                return at;
            }
            if (b == '\\') {
                stringContents |= ESCAPED;
                at = skipEscape(at);
            } else if (b < 0) {
                stringContents |= MULTI_BYTE;
                at = afterMultiByte(at);
            } else if (b < 0x20) {
                throw GIVE_UP;
            } else {
                at++;
            }
        }
    }

    /**
     * The index of the lowest byte whose high bit {@code flags} sets (flags hold only high bits, at least one). The
     * lowest bit alone, shifted to bit 0 of its byte, times a constant whose byte {@code 7 - k} holds {@code k}, has
     * the byte index in its top byte: C1 makes {@link Long#numberOfTrailingZeros} two calls, this is four operations.
     */
    private static int lowestFlaggedByte(long flags) {
        return (int) ((((flags & -flags) >>> 7) * BYTE_INDEXES) >>> 56);
    }

    /** Reads a string whose '"' was just read. */
    private String readString() {
        int start = position;
        stringContents = 0;
        int stop = endOfString(start);
        boolean escaped = (stringContents & ESCAPED) != 0;
        boolean ascii = (stringContents & MULTI_BYTE) == 0;
        int length = stop - start;
        position = stop + 1;
        // Unescaped text is never longer than the bytes it comes from.
        if (length >= maxStringLength) {
            throw GIVE_UP;
        }
        if (!escaped) {
            return new String(bytes, start, length, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
        return unescape(start, start + length);
    }

    /** The text of string bytes {@code [from, to)} whose escapes are known to be valid. */
    private String unescape(int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        int run = from;
        int i = from;
        while (i < to) {
            if (bytes[i] != '\\') {
                i++;
                continue;
            }
            text.append(new String(bytes, run, i - run, StandardCharsets.UTF_8));
            byte escape = bytes[i + 1];
            if (escape == 'u') {
                text.append((char) Integer.parseInt(new String(bytes, i + 2, 4, StandardCharsets.ISO_8859_1), 16));
                i += 6;
            } else {
                text.append(unescaped(escape));
                i += 2;
            }
            run = i;
        }
        text.append(new String(bytes, run, to - run, StandardCharsets.UTF_8));
        return text.toString();
    }

    private static char unescaped(byte escape) {
        switch (escape) {
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            default:
                return (char) escape;
        }
    }

    /**
     * The index after the multi-byte UTF-8 character whose first byte is at {@code at}, giving up on a sequence RFC 3629
     * does not allow: a stray continuation byte, an overlong form, an encoded surrogate, a code point above U+10FFFF or
     * a truncated sequence (the second byte's range depends on the first, as in the RFC's table).
     */
    private int afterMultiByte(int at) {
        int lead = bytes[at] & 0xFF;
        int continuations;
        int secondLow = 0x80;
        int secondHigh = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuations = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuations = 2;
            if (lead == 0xE0) {
                secondLow = 0xA0;
            } else if (lead == 0xED) {
                secondHigh = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuations = 3;
            if (lead == 0xF0) {
                secondLow = 0x90;
            } else if (lead == 0xF4) {
                secondHigh = 0x8F;
            }
        } else {
            throw GIVE_UP;
        }
        if (at + continuations >= end) {
            throw GIVE_UP;
        }
        int second = bytes[at + 1] & 0xFF;
        if (second < secondLow || second > secondHigh) {
            throw GIVE_UP;
        }
        for (int i = at + 2; i <= at + continuations; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                throw GIVE_UP;
            }
        }
        return at + continuations + 1;
    }

    /** The index after the escape at the '\' at {@code at}, giving up on any RFC 8259 does not define. */
    private int skipEscape(int at) {
        byte escape = at(at + 1);
        switch (escape) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                return at + 2;
            case 'u':
                for (int i = at + 2; i < at + 6; i++) {
                    if (Character.digit(at(i), 16) < 0) {
                        throw GIVE_UP;
                    }
                }
                return at + 6;
            default:
                throw GIVE_UP;
        }
    }

    private void literal(char... rest) {
        for (char c : rest) {
            if (next() != c) {
                throw GIVE_UP;
            }
        }
    }

    /** Small enough for C1 to inline: between tokens there is mostly no whitespace at all. */
    private void skipWhitespace() {
        if (position < end && bytes[position] <= ' ') {
            skipWhitespaceFrom(position);
        }
    }

    private void skipWhitespaceFrom(int from) {
        byte[] bytes = this.bytes;
        int at = from;
        while (at < end) {
            byte b = bytes[at];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                break;
            }
            at++;
        }
        position = at;
    }

    private void expect(char c) {
        if (next() != c) {
            throw GIVE_UP;
        }
    }

    /** The next byte, consumed; giving up at the end of the record. */
    private byte next() {
        if (position >= end) {
            throw GIVE_UP;
        }
        return bytes[position++];
    }

    /** The byte at {@code index}, giving up beyond the end of the record (the array may hold more after it). */
    private byte at(int index) {
        if (index >= end) {
            throw GIVE_UP;
        }
        return bytes[index];
    }

    private byte peek() {
        if (position >= end) {
            throw GIVE_UP;
        }
        return bytes[position];
    }
}
