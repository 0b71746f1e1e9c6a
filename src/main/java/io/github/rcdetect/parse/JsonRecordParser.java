package io.github.rcdetect.parse;

import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.ErrorType;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.Iso8601;
import io.github.rcdetect.event.Origin;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** The part of both parsers that reads documents, splits batches, checks time and turns failures into dead letters. */
abstract class JsonRecordParser implements RecordParser {
    /**
     * Starts the message of a dead letter for a record the parser itself failed on (a bug, not bad input): the record
     * is kept and counted instead of failing the job, and the fuzz targets report any such dead letter.
     */
    static final String PARSER_FAILURE = "parser failure: ";

    private final JsonDocumentReader reader;
    /** Leaves the text of lazily read fields unread; null for a parser that reads every event in full. */
    private final JsonDocumentReader lazyReader;
    /** Reads most records as {@link #lazyReader} would, faster; null where that reader is. */
    private final LazyRecordScanner scanner;

    private final WellFormedUtf8 utf8 = new WellFormedUtf8();
    private final ParserLimits limits;

    /**
     * @param forDetection whether records no rule can use ({@link #mayMatch}) are to come out as {@link
     *     InputRecord#unused}, their lazily read fields never turned into text
     */
    JsonRecordParser(FieldPath[] fields, ParserLimits limits, boolean forDetection) {
        this.reader = new JsonDocumentReader(fields, limits, false);
        this.lazyReader = forDetection ? new JsonDocumentReader(fields, limits, true) : null;
        this.scanner = forDetection ? new LazyRecordScanner(fields, limits) : null;
        this.limits = limits;
    }

    /** The event of one captured record. */
    abstract InputRecord toRecord(CapturedRecord record, Origin origin) throws InvalidRecordException;

    /**
     * Whether some rule may use this event, judged only from fields that are never read lazily (the event may hold
     * {@link CapturedRecord#UNREAD} in the others).
     */
    abstract boolean mayMatch(InputRecord event);

    @Override
    public final void parse(byte[] bytes, int offset, int length, Origin origin, Consumer<InputRecord> out) {
        if (length > limits.maxRecordBytes()) {
            rejectOversized(bytes, offset, length, length, origin, out);
            return;
        }
        if (lazyReader == null) {
            if (rejectMalformedUtf8(bytes, offset, length, origin, out)) {
                return;
            }
            List<CapturedRecord> records = read(reader, bytes, offset, length, origin, out);
            if (records != null) {
                for (CapturedRecord record : records) {
                    out.accept(convert(record, bytes, offset, origin));
                }
            }
            return;
        }
        parseForDetection(bytes, offset, length, origin, out);
    }

    /**
     * Whether the record is not well-formed UTF-8, in which case it has become a dead letter naming the first byte
     * that is not. Checked before Jackson reads a record, which would take some malformed sequences for text.
     */
    private boolean rejectMalformedUtf8(
            byte[] bytes, int offset, int length, Origin origin, Consumer<InputRecord> out) {
        int malformed = utf8.firstMalformed(bytes, offset, length);
        if (malformed < 0) {
            return false;
        }
        out.accept(deadLetter(
                ErrorType.INVALID_JSON,
                String.format(
                        "not valid UTF-8: byte 0x%02X at byte %d starts no well-formed sequence",
                        bytes[offset + malformed] & 0xFF, malformed),
                origin,
                bytes,
                offset,
                length));
        return true;
    }

    /**
     * Reads lazily first (a bare record with the scanner, which checks its UTF-8 as it goes; anything it gives up on
     * with the UTF-8 check and the lazy Jackson reader, so dead letters are those of a full parse); the records a rule
     * may use (and any whose validity the lazy read cannot tell) are then read again in full, and the others come out
     * as unused. Nothing is emitted before both reads are done, so a message the full read rejects as a whole is one
     * dead letter, as it would be without the lazy read.
     */
    private void parseForDetection(byte[] bytes, int offset, int length, Origin origin, Consumer<InputRecord> out) {
        CapturedRecord scanned = scanner.scan(bytes, offset, length);
        List<CapturedRecord> lazy;
        if (scanned != null) {
            lazy = List.of(scanned);
        } else if (rejectMalformedUtf8(bytes, offset, length, origin, out)) {
            return;
        } else {
            lazy = read(lazyReader, bytes, offset, length, origin, out);
            if (lazy == null) {
                return;
            }
        }
        InputRecord[] parsed = new InputRecord[lazy.size()];
        boolean readInFull = false;
        for (int i = 0; i < parsed.length; i++) {
            CapturedRecord record = lazy.get(i);
            if (!record.complete) {
                readInFull = true;
                continue;
            }
            InputRecord converted = convert(record, bytes, offset, origin);
            if (converted.deadLetter == null && mayMatch(converted)) {
                readInFull = true;
            } else {
                parsed[i] = unlessUnused(converted);
            }
        }
        if (readInFull) {
            List<CapturedRecord> full = read(reader, bytes, offset, length, origin, out);
            if (full == null) {
                return;
            }
            for (int i = 0; i < parsed.length; i++) {
                if (parsed[i] == null) {
                    parsed[i] = unlessUnused(convert(full.get(i), bytes, offset, origin));
                }
            }
        }
        for (InputRecord record : parsed) {
            out.accept(record);
        }
    }

    /** A dead letter or an event a rule may use as it is; any other event as its time alone. */
    private InputRecord unlessUnused(InputRecord converted) {
        return converted.deadLetter != null || mayMatch(converted)
                ? converted
                : InputRecord.unused(converted.eventTime());
    }

    /** The document's records, or null after emitting the dead letter of a document that cannot be read. */
    private List<CapturedRecord> read(
            JsonDocumentReader documentReader,
            byte[] bytes,
            int offset,
            int length,
            Origin origin,
            Consumer<InputRecord> out) {
        try {
            return documentReader.read(bytes, offset, length);
        } catch (InvalidRecordException e) {
            out.accept(deadLetter(e.errorType(), e.getMessage(), origin, bytes, offset, length));
        } catch (RuntimeException e) {
            out.accept(deadLetter(
                    ErrorType.INVALID_JSON, PARSER_FAILURE + Texts.clip(e.toString()), origin, bytes, offset, length));
        }
        return null;
    }

    /** The event of one record of the document, or its dead letter. */
    private InputRecord convert(CapturedRecord record, byte[] bytes, int offset, Origin origin) {
        Origin recordOrigin = record.batchIndex == null ? origin : origin.withRecordIndex(record.batchIndex);
        try {
            if (record.notAnObject != null) {
                throw new InvalidRecordException(ErrorType.NOT_AN_OBJECT, record.notAnObject);
            }
            return toRecord(record, recordOrigin);
        } catch (InvalidRecordException e) {
            return deadLetter(
                    e.errorType(),
                    e.getMessage(),
                    recordOrigin,
                    bytes,
                    offset + record.start,
                    record.end - record.start);
        } catch (RuntimeException e) {
            return deadLetter(
                    ErrorType.INVALID_JSON,
                    PARSER_FAILURE + Texts.clip(e.toString()),
                    recordOrigin,
                    bytes,
                    offset + record.start,
                    record.end - record.start);
        }
    }

    @Override
    public final void rejectOversized(
            byte[] kept, int keptLength, long fullLength, Origin origin, Consumer<InputRecord> out) {
        rejectOversized(kept, 0, keptLength, fullLength, origin, out);
    }

    private void rejectOversized(
            byte[] bytes, int offset, int keptLength, long fullLength, Origin origin, Consumer<InputRecord> out) {
        int kept = Math.min(keptLength, limits.maxDeadLetterBytes());
        out.accept(InputRecord.of(DeadLetter.of(
                ErrorType.LIMIT_EXCEEDED,
                "record of " + fullLength + " bytes exceeds the limit of " + limits.maxRecordBytes(),
                origin,
                Arrays.copyOfRange(bytes, offset, offset + kept),
                fullLength)));
    }

    @Override
    public final int maxRecordBytes() {
        return limits.maxRecordBytes();
    }

    /** Event time from {@code @timestamp}, else {@code time}; a record without either is unusable. */
    final long eventTime(CapturedRecord record, FieldPath timestamp, FieldPath time) throws InvalidRecordException {
        FieldPath field = record.has(timestamp) ? timestamp : time;
        Object value;
        try {
            value = record.single(field);
        } catch (InvalidRecordException e) {
            throw new InvalidRecordException(ErrorType.INVALID_TIMESTAMP, e.getMessage());
        }
        if (value == null) {
            throw new InvalidRecordException(
                    ErrorType.MISSING_TIMESTAMP, "no " + timestamp.path() + " or " + time.path() + " field");
        }
        long millis = Timestamps.parse(field, value);
        long latest = System.currentTimeMillis() + limits.maxFutureSkewMillis();
        if (millis > latest) {
            throw new InvalidRecordException(
                    ErrorType.TIMESTAMP_IN_FUTURE,
                    field.path()
                            + ": "
                            + Iso8601.format(millis)
                            + " is more than "
                            + limits.maxFutureSkewMillis() / 1000
                            + " s ahead of the clock");
        }
        return millis;
    }

    private InputRecord deadLetter(
            ErrorType type, String message, Origin origin, byte[] bytes, int offset, int length) {
        int kept = Math.min(length, limits.maxDeadLetterBytes());
        return InputRecord.of(
                DeadLetter.of(type, message, origin, Arrays.copyOfRange(bytes, offset, offset + kept), length));
    }

    static String lowerCase(String text) {
        return text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code name}, or when there is none the last segment of the Windows or Unix executable {@code path}. */
    static String nameOrBaseName(String name, String path) {
        if (name != null || path == null) {
            return name;
        }
        int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(slash + 1);
    }

    static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
