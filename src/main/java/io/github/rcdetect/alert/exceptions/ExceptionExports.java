package io.github.rcdetect.alert.exceptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Exception lists as Kibana exports them (docs/spec.md, section 11): NDJSON of list containers, their items and the
 * export's summary line. A file that is not such an export stops the start with one message naming the file, the
 * line and what is wrong: exceptions are the operator's own configuration, better refused than half applied.
 */
public final class ExceptionExports {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> LIST_TYPES_BY_VALUE = Set.of("keyword", "ip", "text");

    private final ValueLists valueLists;
    /** Checking an item's shape alone: a value list it names need not be there (yet). */
    private final boolean shapeOnly;

    public ExceptionExports(ValueLists valueLists) {
        this(valueLists, false);
    }

    private ExceptionExports(ValueLists valueLists, boolean shapeOnly) {
        this.valueLists = valueLists;
        this.shapeOnly = shapeOnly;
    }

    /**
     * Refuses, with why, an item that is not one whatever the value lists are: what a message of the exceptions topic
     * must pass, since the lists it names may come later on their own topic.
     */
    public static void checkShape(JsonNode item) {
        new ExceptionExports(ValueLists.none(), true).item(item);
    }

    /** Every item of the files, in file and line order. */
    public Exceptions read(List<Path> files) {
        List<ExceptionItem> items = new ArrayList<>();
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(
                        file + ": cannot read (" + e.getClass().getSimpleName() + ")");
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    ExceptionItem item = line(lines.get(i));
                    if (item != null) {
                        items.add(item);
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": line " + (i + 1) + ": " + e.getMessage());
                }
            }
        }
        return new Exceptions(List.copyOf(items));
    }

    /** An item; null for a list container or the summary line. */
    ExceptionItem line(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (node.has("exported_exception_list_count")) {
            return null;
        }
        if (!node.has("item_id")) {
            if (node.has("list_id") && !node.has("entries")) {
                return null;
            }
            throw new IllegalArgumentException("neither an exception list, an item nor an export summary");
        }
        return item(node);
    }

    /** One item object, as in an export. */
    public ExceptionItem item(JsonNode node) {
        String itemId = text(node, "item_id");
        String listId = node.hasNonNull("list_id") ? text(node, "list_id") : null;
        if (node.has("type") && !"simple".equals(node.get("type").asText())) {
            throw new IllegalArgumentException("item " + itemId + ": type must be simple");
        }
        JsonNode entries = node.get("entries");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw new IllegalArgumentException("item " + itemId + ": entries must be a non-empty array");
        }
        List<Entry> parsed = new ArrayList<>();
        for (JsonNode entry : entries) {
            parsed.add(entry(entry, itemId, false));
        }
        JsonNode osTypes = node.get("os_types");
        if (osTypes != null && osTypes.isArray() && !osTypes.isEmpty()) {
            // As Elastic does: the item applies only to alerts from those operating systems.
            Set<String> oses = new LinkedHashSet<>();
            osTypes.forEach(os -> oses.add(os.asText()));
            parsed.add(new Entries.ValueTest("host.os.type", false, Entries.oneOf(Set.copyOf(oses))));
        }
        return new ExceptionItem(itemId, listId, List.copyOf(parsed), expiry(node, itemId));
    }

    private Entry entry(JsonNode entry, String itemId, boolean inNested) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException("item " + itemId + ": an entry is not an object");
        }
        String type = text(entry, "type");
        String field = text(entry, "field");
        if (type.equals("nested")) {
            if (inNested) {
                throw new IllegalArgumentException("item " + itemId + ": a nested entry inside a nested entry");
            }
            JsonNode inner = entry.get("entries");
            if (inner == null || !inner.isArray() || inner.isEmpty()) {
                throw new IllegalArgumentException("item " + itemId + ": nested " + field + " has no entries");
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonNode element : inner) {
                entries.add(entry(element, itemId, true));
            }
            return new Entries.Nested(field, List.copyOf(entries));
        }
        String operator = text(entry, "operator");
        if (!operator.equals("included") && !operator.equals("excluded")) {
            throw new IllegalArgumentException(
                    "item " + itemId + ": operator of " + field + " must be included or excluded");
        }
        boolean excluded = operator.equals("excluded");
        if (inNested && !Set.of("match", "match_any", "exists").contains(type)) {
            throw new IllegalArgumentException(
                    "item " + itemId + ": a nested entry may only hold match, match_any and exists, not " + type);
        }
        return switch (type) {
            case "match" -> new Entries.ValueTest(field, excluded, Entries.equalTo(text(entry, "value")));
            case "match_any" -> new Entries.ValueTest(field, excluded, Entries.oneOf(values(entry, itemId, field)));
            case "wildcard" -> new Entries.ValueTest(field, excluded, new Wildcard(text(entry, "value")));
            case "exists" -> new Entries.Exists(field, excluded);
            case "list" -> new Entries.ValueTest(field, excluded, list(entry, itemId));
            default -> throw new IllegalArgumentException("item " + itemId + ": unknown entry type " + type);
        };
    }

    private Entries.SerializablePredicate list(JsonNode entry, String itemId) {
        JsonNode list = entry.get("list");
        if (list == null || !list.isObject()) {
            throw new IllegalArgumentException("item " + itemId + ": a list entry needs list.id and list.type");
        }
        String id = text(list, "id");
        String type = text(list, "type").toLowerCase(Locale.ROOT);
        Set<String> values = shapeOnly ? Set.of() : valueLists.get(id);
        if (values == null) {
            throw new IllegalArgumentException(
                    "item " + itemId + ": value list " + id + " is not given (--value-list " + id + "=PATH)");
        }
        if (type.equals("ip_range")) {
            try {
                return IpRanges.of(values);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("value list " + id + ": " + e.getMessage());
            }
        }
        if (!LIST_TYPES_BY_VALUE.contains(type)) {
            throw new IllegalArgumentException(
                    "item " + itemId + ": value list type " + type + " is not keyword, ip, ip_range or text");
        }
        return Entries.oneOf(values);
    }

    private static Set<String> values(JsonNode entry, String itemId, String field) {
        JsonNode value = entry.get("value");
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw new IllegalArgumentException("item " + itemId + ": match_any on " + field + " needs a value array");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode element : value) {
            if (!element.isValueNode()) {
                throw new IllegalArgumentException("item " + itemId + ": match_any on " + field + " holds a non-value");
            }
            values.add(element.asText());
        }
        return Set.copyOf(values);
    }

    private static Long expiry(JsonNode node, String itemId) {
        JsonNode expire = node.get("expire_time");
        if (expire == null || expire.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(expire.asText()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("item " + itemId + ": expire_time is not an ISO-8601 date-time");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("no " + field + " (a non-empty string)");
        }
        return value.asText();
    }
}
