package io.github.rcdetect.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one JSON document in a single streaming pass, capturing only the wanted fields: a bare record, or an Event Hub
 * message {@code {"records":[{...},{...}]}} whose records are captured one by one. Subtrees that hold no wanted field
 * are skipped unread.
 */
final class JsonDocumentReader {
    private static final String BATCH_FIELD = "records";

    private final JsonFactory factory;
    private final FieldPath[] fields;
    private final PathTrie trie;

    JsonDocumentReader(FieldPath[] fields, ParserLimits limits) {
        this.fields = fields;
        this.trie = new PathTrie(fields);
        this.factory =
                JsonFactory.builder()
                        .streamReadConstraints(
                                StreamReadConstraints.builder()
                                        .maxNestingDepth(limits.maxNestingDepth())
                                        .maxStringLength(limits.maxStringLength())
                                        .maxDocumentLength(limits.maxRecordBytes())
                                        .build())
                        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                        .build();
    }

    /** The records of the document at {@code bytes[offset, offset + length)}; positions are relative to offset. */
    List<CapturedRecord> read(byte[] bytes, int offset, int length) throws InvalidRecordException {
        try (JsonParser parser = factory.createParser(bytes, offset, length)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                throw new InvalidRecordException(
                        "not_an_object",
                        token == null ? "empty document" : "expected a JSON object, found " + describe(token));
            }
            Object[] bare = new Object[fields.length];
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
                throw new InvalidRecordException("invalid_json", "unexpected content after the JSON document");
            }
            // An empty "records" array holds no record to stand for the message, so the message is read as one.
            return batch != null && !batch.isEmpty()
                    ? batch
                    : List.of(new CapturedRecord(fields, bare, 0, length, null, null));
        } catch (StreamConstraintsException e) {
            throw new InvalidRecordException("limit_exceeded", e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException(
                    "invalid_json",
                    e.getOriginalMessage()
                            + (e.getLocation() != null
                                    ? " (at byte " + e.getLocation().getByteOffset() + ")"
                                    : ""));
        } catch (IOException e) {
            throw new InvalidRecordException("invalid_json", String.valueOf(e.getMessage()));
        }
    }

    private List<CapturedRecord> readBatch(JsonParser parser) throws IOException {
        List<CapturedRecord> records = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            int start = (int) parser.currentTokenLocation().getByteOffset();
            int index = records.size();
            if (token == JsonToken.START_OBJECT) {
                Object[] values = new Object[fields.length];
                readObject(parser, trie.root(), false, values);
                int end = (int) parser.currentLocation().getByteOffset();
                records.add(new CapturedRecord(fields, values, start, end, index, null));
            } else {
                parser.skipChildren();
                int end = (int) parser.currentLocation().getByteOffset();
                records.add(
                        new CapturedRecord(
                                fields,
                                null,
                                start,
                                end,
                                index,
                                "records[" + index + "] is " + describe(token) + ", not an object"));
            }
        }
        return records;
    }

    private void readObject(JsonParser parser, PathTrie.Node node, boolean nested, Object[] values)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            readField(parser, node, nested, name, parser.nextToken(), values);
        }
    }

    private void readField(
            JsonParser parser, PathTrie.Node node, boolean nested, String name, JsonToken value, Object[] values)
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
                CapturedRecord.capture(values, target.field, CapturedRecord.Shape.OBJECT);
            }
        } else if (target.field >= 0) {
            CapturedRecord.capture(values, target.field, readValue(parser, value));
        } else {
            parser.skipChildren();
        }
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.START_ARRAY) {
            List<Object> elements = new ArrayList<>();
            JsonToken element;
            while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (element == JsonToken.START_OBJECT || element == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    skipRestOfArray(parser);
                    return CapturedRecord.Shape.NESTED_ARRAY;
                }
                Object scalar = readScalar(parser, element);
                if (scalar != null) {
                    elements.add(scalar);
                }
            }
            return elements.toArray();
        }
        return readScalar(parser, token);
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
