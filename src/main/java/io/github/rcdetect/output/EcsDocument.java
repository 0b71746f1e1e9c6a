package io.github.rcdetect.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds an ECS document from dotted field paths, written as nested objects; null values are left out. */
public final class EcsDocument {
    private final ObjectNode root = Json.MAPPER.createObjectNode();

    public EcsDocument put(String path, String value) {
        if (value != null) {
            parent(path).put(leaf(path), value);
        }
        return this;
    }

    public EcsDocument put(String path, Long value) {
        if (value != null) {
            parent(path).put(leaf(path), value);
        }
        return this;
    }

    public EcsDocument put(String path, long value) {
        parent(path).put(leaf(path), value);
        return this;
    }

    public EcsDocument put(String path, double value) {
        parent(path).put(leaf(path), value);
        return this;
    }

    public EcsDocument put(String path, String[] values) {
        if (values != null) {
            ArrayNode array = parent(path).putArray(leaf(path));
            for (String value : values) {
                array.add(value);
            }
        }
        return this;
    }

    public EcsDocument put(String path, JsonNode node) {
        if (node != null) {
            parent(path).set(leaf(path), node);
        }
        return this;
    }

    public ObjectNode node() {
        return root;
    }

    public String toJson() {
        return Json.write(root);
    }

    private ObjectNode parent(String path) {
        ObjectNode node = root;
        int start = 0;
        int dot;
        while ((dot = path.indexOf('.', start)) >= 0) {
            node = node.withObjectProperty(path.substring(start, dot));
            start = dot + 1;
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
