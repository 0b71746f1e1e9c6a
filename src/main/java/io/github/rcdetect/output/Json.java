package io.github.rcdetect.output;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON writer of all outputs. Everything outside printable ASCII is escaped, so an output line is pure
 * printable ASCII: attacker-controlled text (command lines, host names) can neither break a line (LF, CR, U+2028,
 * NEL, ...) nor smuggle control bytes (C0, DEL, C1) into a file, a log or a terminal.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactoryBuilder()
            .characterEscapes(new ControlCharacterEscapes())
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build());

    private Json() {}

    /**
     * Rendered to bytes and read as Latin-1, exact for the ASCII the escapes leave: the generator writing chars, and
     * the String made from them compressed back to bytes, cost more.
     */
    public static String write(JsonNode node) {
        try {
            return new String(MAPPER.writeValueAsBytes(node), StandardCharsets.ISO_8859_1);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON's own escapes plus DEL (0x7F), the one ASCII control character JSON lets through raw. */
    private static final class ControlCharacterEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] asciiEscapes;

        ControlCharacterEscapes() {
            asciiEscapes = standardAsciiEscapesForJSON();
            asciiEscapes[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
