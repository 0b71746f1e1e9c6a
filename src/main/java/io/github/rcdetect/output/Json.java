package io.github.rcdetect.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;

/**
 * The one JSON writer of all outputs. Non-ASCII is escaped, so an output line is pure ASCII: attacker-controlled
 * text (command lines, host names) can neither break a line (LF, CR, U+2028, NEL, ...) nor smuggle control bytes.
 */
public final class Json {
    public static final ObjectMapper MAPPER =
            new ObjectMapper(JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build());

    private Json() {}

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
