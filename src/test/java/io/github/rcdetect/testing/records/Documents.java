package io.github.rcdetect.testing.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.output.Json;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** What every kind of test record shares: Event Hub batches, dotted keys, one line of NDJSON. */
public final class Documents {
    private Documents() {}

    /** An Event Hub message {@code {"records":[...]}} holding the records in this order. */
    public static ObjectNode eventHubBatch(List<ObjectNode> records) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        ArrayNode array = message.putArray("records");
        records.forEach(array::add);
        return message;
    }

    public static ObjectNode eventHubBatch(ObjectNode... records) {
        return eventHubBatch(List.of(records));
    }

    /** The same document with dotted keys ({@code "process.parent.name": ...}) instead of nested objects. */
    public static ObjectNode dotted(ObjectNode nested) {
        ObjectNode flat = Json.MAPPER.createObjectNode();
        flatten("", nested, flat);
        return flat;
    }

    private static void flatten(String prefix, ObjectNode node, ObjectNode into) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            if (field.getValue().isObject()) {
                flatten(key + ".", (ObjectNode) field.getValue(), into);
            } else {
                into.set(key, field.getValue());
            }
        }
    }

    /** One NDJSON line, written as the job writes JSON (printable ASCII). */
    public static String line(JsonNode document) {
        return Json.write(document);
    }

    static ArrayNode array(List<String> values) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
