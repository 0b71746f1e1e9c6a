package io.github.rcdetect.parse;

import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.InputRecord;
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
    private final WellFormedUtf8 utf8 = new WellFormedUtf8();
    private final ParserLimits limits;

    JsonRecordParser(FieldPath[] fields, ParserLimits limits) {
        this.reader = new JsonDocumentReader(fields, limits);
        this.limits = limits;
    }

    /** The event of one captured record. */
    abstract InputRecord toRecord(CapturedRecord record, Origin origin) throws InvalidRecordException;

    @Override
    public final void parse(byte[] bytes, int offset, int length, Origin origin, Consumer<InputRecord> out) {
        if (length > limits.maxRecordBytes()) {
            rejectOversized(bytes, offset, length, length, origin, out);
            return;
        }
        int malformed = utf8.firstMalformed(bytes, offset, length);
        if (malformed >= 0) {
            out.accept(
                    deadLetter(
                            "invalid_json",
                            String.format(
                                    "not valid UTF-8: byte 0x%02X at byte %d starts no well-formed sequence",
                                    bytes[offset + malformed] & 0xFF,
                                    malformed),
                            origin,
                            bytes,
                            offset,
                            length));
            return;
        }
        List<CapturedRecord> records;
        try {
            records = reader.read(bytes, offset, length);
        } catch (InvalidRecordException e) {
            out.accept(deadLetter(e.errorType(), e.getMessage(), origin, bytes, offset, length));
            return;
        } catch (RuntimeException e) {
            out.accept(deadLetter("invalid_json", PARSER_FAILURE + Texts.clip(e.toString()), origin, bytes, offset, length));
            return;
        }
        for (CapturedRecord record : records) {
            Origin recordOrigin = record.batchIndex == null ? origin : origin.withRecordIndex(record.batchIndex);
            InputRecord parsed;
            try {
                if (record.notAnObject != null) {
                    throw new InvalidRecordException("not_an_object", record.notAnObject);
                }
                parsed = toRecord(record, recordOrigin);
            } catch (InvalidRecordException e) {
                parsed =
                        deadLetter(
                                e.errorType(),
                                e.getMessage(),
                                recordOrigin,
                                bytes,
                                offset + record.start,
                                record.end - record.start);
            } catch (RuntimeException e) {
                parsed =
                        deadLetter(
                                "invalid_json",
                                PARSER_FAILURE + Texts.clip(e.toString()),
                                recordOrigin,
                                bytes,
                                offset + record.start,
                                record.end - record.start);
            }
            out.accept(parsed);
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
        out.accept(
                InputRecord.of(
                        DeadLetter.of(
                                "limit_exceeded",
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
    final long eventTime(CapturedRecord record, FieldPath timestamp, FieldPath time)
            throws InvalidRecordException {
        FieldPath field = record.has(timestamp) ? timestamp : time;
        Object value;
        try {
            value = record.single(field);
        } catch (InvalidRecordException e) {
            throw new InvalidRecordException("invalid_timestamp", e.getMessage());
        }
        if (value == null) {
            throw new InvalidRecordException(
                    "missing_timestamp", "no " + timestamp.path() + " or " + time.path() + " field");
        }
        long millis = Timestamps.parse(field, value);
        long latest = System.currentTimeMillis() + limits.maxFutureSkewMillis();
        if (millis > latest) {
            throw new InvalidRecordException(
                    "timestamp_in_future",
                    field.path()
                            + ": "
                            + Timestamps.format(millis)
                            + " is more than "
                            + limits.maxFutureSkewMillis() / 1000
                            + " s ahead of the clock");
        }
        return millis;
    }

    private InputRecord deadLetter(
            String type, String message, Origin origin, byte[] bytes, int offset, int length) {
        int kept = Math.min(length, limits.maxDeadLetterBytes());
        return InputRecord.of(
                DeadLetter.of(type, message, origin, Arrays.copyOfRange(bytes, offset, offset + kept), length));
    }

    static String lowerCase(String text) {
        return text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
    }

    /** The last path segment of a Windows or Unix executable path. */
    static String baseName(String path) {
        if (path == null) {
            return null;
        }
        int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(slash + 1);
    }

    static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
