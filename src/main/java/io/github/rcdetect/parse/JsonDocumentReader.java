package io.github.rcdetect.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.rcdetect.event.ErrorType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one JSON document in a single streaming pass, capturing only the wanted fields: a bare record, or an Event Hub
 * message {@code {"records":[{...},{...}]}} whose records are captured one by one. Subtrees that hold no wanted field
 * are skipped unread. A lazy reader also leaves the text of the fields that may be read lazily unread, capturing only
 * their shape ({@link CapturedRecord#UNREAD}): the costly part of reading a field is turning its bytes into a String.
 */
final class JsonDocumentReader {
    private static final String BATCH_FIELD = "records";

    private final JsonFactory factory;
    private final FieldPath[] fields;
    private final PathTrie trie;
    /** By field ordinal: how this reader reads the field. */
    private final FieldPath.Reading[] reading;

    JsonDocumentReader(FieldPath[] fields, ParserLimits limits, boolean lazy) {
        this.fields = fields;
        this.trie = new PathTrie(fields);
        this.reading = new FieldPath.Reading[fields.length];
        for (FieldPath field : fields) {
            reading[field.ordinal()] = lazy ? field.reading() : FieldPath.Reading.ALWAYS;
        }
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxDocumentLength(limits.maxRecordBytes())
                        .build())
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /** The records of the document at {@code bytes[offset, offset + length)}; positions are relative to offset. */
    List<CapturedRecord> read(byte[] bytes, int offset, int length) throws InvalidRecordException {
        if (offset > 0 && startsWithNul(bytes, offset, length)) {
            // A NUL among the first four bytes makes Jackson read UTF-16 or UTF-32, whose readers count error
            // positions from the array's start: from a copy they are the record's own, wherever it was read from.
            return read(Arrays.copyOfRange(bytes, offset, offset + length), 0, length);
        }
        try (JsonParser parser = factory.createParser(bytes, offset, length)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                throw new InvalidRecordException(
                        ErrorType.NOT_AN_OBJECT,
                        token == null ? "empty document" : "expected a JSON object, found " + describe(token));
            }
            RecordValues bare = new RecordValues(fields.length);
            List<CapturedRecord> batch = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (batch == null && value == JsonToken.START_ARRAY && BATCH_FIELD.equals(name)) {
                    batch = readBatch(parser);
                } else {
                    readField(parser, trie.root(), false, name, value, bare);
                }
            }
            if (parser.nextToken() != null) {
                throw new InvalidRecordException(ErrorType.INVALID_JSON, "unexpected content after the JSON document");
            }
            // An empty "records" array holds no record to stand for the message, so the message is read as one.
            return batch != null && !batch.isEmpty()
                    ? batch
                    : List.of(new CapturedRecord(fields, bare.values, 0, length, null, null, bare.complete));
        } catch (StreamConstraintsException e) {
            throw new InvalidRecordException(ErrorType.LIMIT_EXCEEDED, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException(
                    ErrorType.INVALID_JSON,
                    e.getOriginalMessage()
                            + (e.getLocation() != null
                                    ? " (at byte " + e.getLocation().getByteOffset() + ")"
                                    : ""));
        } catch (IOException e) {
            throw new InvalidRecordException(ErrorType.INVALID_JSON, String.valueOf(e.getMessage()));
        }
    }

    private static boolean startsWithNul(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + Math.min(4, length); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private List<CapturedRecord> readBatch(JsonParser parser) throws IOException {
        List<CapturedRecord> records = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            int start = (int) parser.currentTokenLocation().getByteOffset();
            int index = records.size();
            if (token == JsonToken.START_OBJECT) {
                RecordValues values = new RecordValues(fields.length);
                readObject(parser, trie.root(), false, values);
                int end = (int) parser.currentLocation().getByteOffset();
                records.add(new CapturedRecord(fields, values.values, start, end, index, null, values.complete));
            } else {
                parser.skipChildren();
                int end = (int) parser.currentLocation().getByteOffset();
                records.add(new CapturedRecord(
                        fields,
                        null,
                        start,
                        end,
                        index,
                        "records[" + index + "] is " + describe(token) + ", not an object",
                        true));
            }
        }
        return records;
    }

    /** The captured values of one record, and whether a field left unread occurred twice in it. */
    private static final class RecordValues {
        final Object[] values;
        boolean complete = true;

        RecordValues(int fieldCount) {
            values = new Object[fieldCount];
        }
    }

    private void readObject(JsonParser parser, PathTrie.Node node, boolean nested, RecordValues values)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            readField(parser, node, nested, name, parser.nextToken(), values);
        }
    }

    private void readField(
            JsonParser parser, PathTrie.Node node, boolean nested, String name, JsonToken value, RecordValues values)
            throws IOException {
        PathTrie.Node target = node.walk(name, nested);
        if (target == null) {
            parser.skipChildren();
        } else if (value == JsonToken.START_OBJECT) {
            if (target.hasChildren()) {
                readObject(parser, target, true, values);
            } else {
                parser.skipChildren();
            }
            if (target.field >= 0) {
                CapturedRecord.capture(values.values, target.field, CapturedRecord.Shape.OBJECT);
            }
        } else if (target.field >= 0 && reading[target.field] != FieldPath.Reading.ALWAYS) {
            Object shape = reading[target.field] == FieldPath.Reading.LAZILY_AS_INTEGER
                    ? readInteger(parser, value)
                    : readShape(parser, value);
            if (shape != null && values.values[target.field] != null) {
                values.complete = false;
            }
            CapturedRecord.capture(values.values, target.field, shape);
        } else if (target.field >= 0) {
            CapturedRecord.capture(values.values, target.field, readValue(parser, value));
        } else {
            parser.skipChildren();
        }
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        return readValue(parser, token, false);
    }

    /** What {@link #readValue} would return, with {@link CapturedRecord#UNREAD} for every scalar's text. */
    private static Object readShape(JsonParser parser, JsonToken token) throws IOException {
        return readValue(parser, token, true);
    }

    /** {@link CapturedRecord#UNREAD_INTEGER} for a JSON integer that fits a long, else what {@link #readValue} gives. */
    private static Object readInteger(JsonParser parser, JsonToken token) throws IOException {
        return token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                ? CapturedRecord.UNREAD_INTEGER
                : readValue(parser, token);
    }

    /** A scalar, an array of scalars, or a shape no conversion can use; each scalar's text left unread if asked. */
    private static Object readValue(JsonParser parser, JsonToken token, boolean unread) throws IOException {
        if (token == JsonToken.START_ARRAY) {
            List<Object> elements = new ArrayList<>();
            JsonToken element;
            while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (element == JsonToken.START_OBJECT || element == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    skipRestOfArray(parser);
                    return CapturedRecord.Shape.NESTED_ARRAY;
                }
                Object scalar = unread ? unreadScalar(element) : readScalar(parser, element);
                if (scalar != null) {
                    elements.add(scalar);
                }
            }
            return elements.toArray();
        }
        return unread ? unreadScalar(token) : readScalar(parser, token);
    }

    /** What stands for a scalar left unread; null for JSON null, which {@link #readScalar} also reads as absent. */
    private static Object unreadScalar(JsonToken token) {
        return token == JsonToken.VALUE_NULL ? null : CapturedRecord.UNREAD;
    }

    private static void skipRestOfArray(JsonParser parser) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                parser.skipChildren();
            }
        }
    }

    private static Object readScalar(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getText()
                        : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                try {
                    return parser.getDecimalValue();
                } catch (NumberFormatException e) {
                    // An exponent BigDecimal cannot hold (1e999999999999): the number is kept as its JSON text.
                    return parser.getText();
                }
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static String describe(JsonToken token) {
        switch (token) {
            case START_ARRAY:
                return "an array";
            case START_OBJECT:
                return "an object";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.asString() == null ? token.name() : token.asString();
        }
    }
}
