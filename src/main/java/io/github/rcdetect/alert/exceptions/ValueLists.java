package io.github.rcdetect.alert.exceptions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Value lists as Kibana imports them (docs/spec.md, section 11): a text file, each non-empty line one value (trimmed),
 * named by the id exception entries refer to ({@code list.id}).
 */
public record ValueLists(Map<String, Set<String>> lists) implements Serializable {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public static ValueLists none() {
        return new ValueLists(Map.of());
    }

    /**
     * Reads {@code ID=PATH} pairs; a pair without {@code =}, an id given twice or a file that cannot be read is refused
     * with one message naming it.
     */
    public static ValueLists read(List<String> pairs) {
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new IllegalArgumentException("'" + pair + "' is not ID=PATH");
            }
            String id = pair.substring(0, equals);
            Path file = Path.of(pair.substring(equals + 1));
            Set<String> values;
            try {
                values = lines(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(
                        file + ": cannot read (" + e.getClass().getSimpleName() + ")");
            }
            if (lists.put(id, values) != null) {
                throw new IllegalArgumentException("value list '" + id + "' is given twice");
            }
        }
        return new ValueLists(Map.copyOf(lists));
    }

    /**
     * The values of one list as a message of the value-lists topic holds them: text of one value a line, as a file
     * (the form Kibana imports), or a JSON array of strings (the form a program most easily sends). Refused, with why,
     * when it is neither.
     */
    public static Set<String> values(String message) {
        String text = message.strip();
        if (!text.startsWith("[")) {
            return lines(text);
        }
        JsonNode array;
        try {
            array = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("starts with [ but is no JSON array");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                throw new IllegalArgumentException("a JSON array of strings holds " + element.getNodeType());
            }
            if (!element.asText().isBlank()) {
                values.add(element.asText().strip());
            }
        }
        return Set.copyOf(values);
    }

    private static Set<String> lines(String text) {
        Set<String> values = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                values.add(line.strip());
            }
        }
        return Set.copyOf(values);
    }

    /** The values of a list, or null when no list has this id. */
    public Set<String> get(String id) {
        return lists.get(id);
    }
}
