package io.github.rcdetect.alert.suppression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules' settings (docs/spec.md, section 12), from {@code --rule-settings}: a JSON object keyed by rule id, each
 * value in the shape of the Elastic rule's own fields ({@code enabled}, {@code alert_suppression}).
 *
 * @param disabled the ids of the rules switched off
 * @param suppression each suppressing rule's settings, by rule id
 */
public record RuleSettings(Set<String> disabled, Map<String, SuppressionSettings> suppression) implements Serializable {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> RULE_KEYS = Set.of("enabled", "alert_suppression");
    private static final Set<String> SUPPRESSION_KEYS = Set.of("group_by", "duration", "missing_fields_strategy");

    public static RuleSettings none() {
        return new RuleSettings(Set.of(), Map.of());
    }

    public boolean enabled(String ruleId) {
        return !disabled.contains(ruleId);
    }

    /**
     * Reads the file; anything it cannot use (not JSON, an unknown rule or key, a value out of range) stops the start
     * with one message naming the file and what is wrong.
     */
    public static RuleSettings read(Path file, Set<String> ruleIds) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                            ? "line " + json.getLocation().getLineNr() + ": not one JSON object"
                            : "cannot read (" + e.getClass().getSimpleName() + ")"));
        }
        try {
            return of(root, ruleIds);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    static RuleSettings of(JsonNode root, Set<String> ruleIds) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object keyed by rule id");
        }
        Set<String> disabled = new java.util.TreeSet<>();
        Map<String, SuppressionSettings> suppression = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> rules = root.fields(); rules.hasNext(); ) {
            Map.Entry<String, JsonNode> rule = rules.next();
            String id = rule.getKey();
            if (!ruleIds.contains(id)) {
                throw new IllegalArgumentException(
                        "no rule " + id + " (the rules are " + String.join(", ", ruleIds) + ")");
            }
            JsonNode settings = rule.getValue();
            if (!settings.isObject()) {
                throw new IllegalArgumentException(id + ": not a JSON object");
            }
            checkKeys(settings, RULE_KEYS, id);
            JsonNode enabled = settings.get("enabled");
            if (enabled != null) {
                if (!enabled.isBoolean()) {
                    throw new IllegalArgumentException(id + ": enabled must be true or false");
                }
                if (!enabled.asBoolean()) {
                    disabled.add(id);
                }
            }
            JsonNode alertSuppression = settings.get("alert_suppression");
            if (alertSuppression != null && !alertSuppression.isNull()) {
                suppression.put(id, suppression(alertSuppression, id));
            }
        }
        return new RuleSettings(Set.copyOf(disabled), Map.copyOf(suppression));
    }

    private static SuppressionSettings suppression(JsonNode node, String id) {
        String where = id + ": alert_suppression";
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": not a JSON object");
        }
        checkKeys(node, SUPPRESSION_KEYS, where);
        JsonNode groupBy = node.get("group_by");
        if (groupBy == null || !groupBy.isArray() || groupBy.size() < 1 || groupBy.size() > 3) {
            throw new IllegalArgumentException(where + ".group_by: 1 to 3 field names");
        }
        List<String> fields = new ArrayList<>();
        for (JsonNode field : groupBy) {
            if (!field.isTextual() || field.asText().isBlank() || fields.contains(field.asText())) {
                throw new IllegalArgumentException(where + ".group_by: 1 to 3 distinct field names");
            }
            fields.add(field.asText());
        }
        JsonNode duration = node.get("duration");
        if (duration == null || !duration.isObject()) {
            throw new IllegalArgumentException(
                    where + ".duration is required: {\"value\": N, \"unit\": \"s\", \"m\" or \"h\"}");
        }
        JsonNode value = duration.get("value");
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 1) {
            throw new IllegalArgumentException(where + ".duration.value: a whole number of at least 1");
        }
        long unit = switch (duration.path("unit").asText("")) {
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> throw new IllegalArgumentException(where + ".duration.unit: s, m or h");
        };
        if (value.asLong() > Long.MAX_VALUE / unit / 2) {
            throw new IllegalArgumentException(where + ".duration.value: too large");
        }
        String strategy = node.path("missing_fields_strategy").asText("suppress");
        if (!strategy.equals("suppress") && !strategy.equals("doNotSuppress")) {
            throw new IllegalArgumentException(where + ".missing_fields_strategy: suppress or doNotSuppress");
        }
        return new SuppressionSettings(List.copyOf(fields), value.asLong() * unit, strategy.equals("suppress"));
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown setting " + name + " (known: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }
}
