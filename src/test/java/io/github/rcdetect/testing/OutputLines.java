package io.github.rcdetect.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Base64;

/** What every output line must be, whatever text went into it: one line of printable ASCII that is one JSON object. */
public final class OutputLines {
    /** A reader for lines up to the job's own output sizes (a 1 MiB command line escapes to several MiB). */
    private static final ObjectMapper STRICT_READER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(64 * 1024 * 1024)
                    .build())
            .build());

    private OutputLines() {}

    /** The line parsed back, after checking that it holds no byte that could end, split or colour a line. */
    public static ObjectNode parseOneAsciiLine(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new AssertionError(
                        String.format("output line has character U+%04X at index %d: %s", (int) c, i, clip(line)));
            }
        }
        try {
            JsonNode node = STRICT_READER.readTree(line);
            if (!(node instanceof ObjectNode)) {
                throw new AssertionError("output line is not a JSON object: " + clip(line));
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new AssertionError("output line is not one JSON document: " + clip(line), e);
        }
    }

    /** The bytes a dead-letter document says the record had: its text as UTF-8, or its base64. */
    public static byte[] originalBytes(JsonNode deadLetter) {
        String original = deadLetter.at("/original").asText();
        switch (deadLetter.at("/original_encoding").asText()) {
            case "utf-8":
                return original.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case "base64":
                return Base64.getDecoder().decode(original);
            default:
                throw new AssertionError("unknown original_encoding in " + clip(deadLetter.toString()));
        }
    }

    public static String clip(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }
}
