package io.github.rcdetect.alert.fields;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one alert as its ECS document has them, by dotted path (docs/spec.md, section 11): what exception
 * entries and suppression's {@code group_by} name. An array anywhere on the path contributes each of its elements, so
 * a multi-valued field has all its values; a field is present when it has at least one value.
 */
public final class AlertFields {
    private final JsonNode document;

    public AlertFields(JsonNode document) {
        this.document = document;
    }

    /** The scalar values at a dotted path, as text (numbers and booleans as JSON writes them); empty when absent. */
    public List<String> values(String path) {
        List<String> values = new ArrayList<>();
        for (JsonNode node : nodes(document, path)) {
            if (node.isValueNode() && !node.isNull()) {
                values.add(node.asText());
            }
        }
        return values;
    }

    /** The objects at a dotted path: the elements of an array of objects, or the one object. */
    public List<AlertFields> objects(String path) {
        List<AlertFields> objects = new ArrayList<>();
        for (JsonNode node : nodes(document, path)) {
            if (node.isObject()) {
                objects.add(new AlertFields(node));
            }
        }
        return objects;
    }

    /** Whether the field has a value. */
    public boolean exists(String path) {
        return !values(path).isEmpty();
    }

    /**
     * The nodes a dotted path reaches. Documents are written nested, but a name may itself hold a dot, so at each
     * level the longest matching name is tried first.
     */
    private static List<JsonNode> nodes(JsonNode node, String path) {
        List<JsonNode> found = new ArrayList<>();
        collect(node, path, found);
        return found;
    }

    private static void collect(JsonNode node, String path, List<JsonNode> found) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, path, found);
            }
            return;
        }
        if (path.isEmpty()) {
            found.add(node);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode whole = node.get(path);
        if (whole != null) {
            collect(whole, "", found);
            return;
        }
        for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
            JsonNode child = node.get(path.substring(0, dot));
            if (child != null) {
                collect(child, path.substring(dot + 1), found);
            }
        }
    }
}
