package io.github.rcdetect.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rcdetect.domain.AzureMachine;
import io.github.rcdetect.domain.HostInventory;
import io.github.rcdetect.domain.InventoryEntry;
import io.github.rcdetect.domain.ResourceIds;
import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.ErrorType;
import io.github.rcdetect.event.InventoryUpdate;
import io.github.rcdetect.event.Origin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Host inventory records (docs/spec.md, section 9; docs/formats.md, "Host inventory"): Azure resource objects as Azure
 * Resource Graph, {@code az vm list}, {@code az vmss list} and {@code az vmss list-instances} return them. Read are
 * {@code id}, {@code type} and the computer name (prefix), with or without the {@code properties.} level Resource
 * Graph adds; every other field is ignored, and so is a resource of any other type.
 */
public final class InventoryRecords {
    private static final String VIRTUAL_MACHINE = "microsoft.compute/virtualmachines";
    private static final String SCALE_SET = "microsoft.compute/virtualmachinescalesets";
    private static final String SCALE_SET_VM = "microsoft.compute/virtualmachinescalesets/virtualmachines";

    private final ObjectMapper mapper;
    private final ParserLimits limits;

    public InventoryRecords(ParserLimits limits) {
        this.limits = limits;
        this.mapper = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .build())
                .build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * One message of the inventory topic: a tombstone (no value) deletes the entry its key names; a value is one
     * resource object. Null for a resource of a type the inventory ignores.
     */
    public InventoryUpdate message(byte[] key, byte[] value, Origin origin) {
        if (value == null) {
            if (key == null || key.length == 0) {
                return deadLetter(ErrorType.INVALID_INVENTORY_ENTRY, "a tombstone without a key", origin, NO_BYTES, 0);
            }
            return InventoryUpdate.delete(new String(key, StandardCharsets.UTF_8));
        }
        if (value.length > limits.maxRecordBytes()) {
            return deadLetter(
                    ErrorType.LIMIT_EXCEEDED,
                    "record of " + value.length + " bytes exceeds the limit of " + limits.maxRecordBytes(),
                    origin,
                    value,
                    value.length);
        }
        JsonNode node;
        try {
            node = mapper.readTree(value);
        } catch (IOException e) {
            return deadLetter(ErrorType.INVALID_JSON, jsonError(e), origin, value, value.length);
        }
        if (node == null || !node.isObject()) {
            return deadLetter(
                    ErrorType.NOT_AN_OBJECT, "an inventory record is a JSON object", origin, value, value.length);
        }
        try {
            InventoryEntry entry = entry(node);
            return entry == null ? null : InventoryUpdate.put(entry);
        } catch (InvalidRecordException e) {
            return deadLetter(e.errorType(), e.getMessage(), origin, value, value.length);
        }
    }

    /**
     * The inventory of files read at start-up: NDJSON, a JSON array, or the object {@code az graph query} prints
     * (its {@code data} array), pretty-printed or not. A file that cannot be read, or holds anything but resource
     * objects, stops the start with one message naming the file and line: an inventory is the operator's own
     * configuration, better refused than half applied.
     */
    public HostInventory readFiles(List<Path> files) {
        HostInventory inventory = new HostInventory();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file);
                    MappingIterator<JsonNode> values =
                            mapper.readerFor(JsonNode.class).readValues(in)) {
                while (values.hasNextValue()) {
                    long line = values.getCurrentLocation().getLineNr();
                    JsonNode value = values.nextValue();
                    JsonNode resources =
                            value.isObject() && value.has("data") && !value.has("id") ? value.get("data") : value;
                    for (JsonNode resource : resources.isArray() ? resources : List.of(resources)) {
                        if (!resource.isObject()) {
                            throw new IllegalArgumentException(file + ": line " + line + ": not a JSON object");
                        }
                        try {
                            InventoryEntry entry = entry(resource);
                            if (entry != null) {
                                inventory.put(entry);
                            }
                        } catch (InvalidRecordException e) {
                            throw new IllegalArgumentException(file + ": line " + line + ": " + e.getMessage());
                        }
                    }
                }
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(
                        file + ": line " + e.getLocation().getLineNr() + ": not JSON (" + e.getOriginalMessage() + ")");
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        file + ": cannot read (" + e.getClass().getSimpleName() + ")");
            } catch (RuntimeException e) {
                if (e instanceof IllegalArgumentException) {
                    throw e;
                }
                throw new IllegalArgumentException(file + ": cannot read (" + Texts.clip(e.toString()) + ")");
            }
        }
        return inventory;
    }

    /** The entry of one resource object; null for a resource of a type the inventory does not describe. */
    static InventoryEntry entry(JsonNode resource) throws InvalidRecordException {
        JsonNode idNode = resource.get("id");
        if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
            throw new InvalidRecordException(ErrorType.INVALID_INVENTORY_ENTRY, "no resource id (a string field id)");
        }
        String id = idNode.asText();
        JsonNode typeNode = resource.get("type");
        if (typeNode != null && !typeNode.isTextual()) {
            throw new InvalidRecordException(ErrorType.INVALID_FIELD, "type: not a string");
        }
        InventoryEntry.Kind kind = typeNode == null ? kindOfId(id) : kindOfType(typeNode.asText());
        if (kind == null) {
            return null;
        }
        if (kind != kindOfId(id)) {
            throw new InvalidRecordException(
                    ErrorType.INVALID_INVENTORY_ENTRY, "the id does not name a resource of type " + typeNode.asText());
        }
        if (kind == InventoryEntry.Kind.SCALE_SET) {
            return InventoryEntry.of(
                    id,
                    kind,
                    null,
                    text(resource, "computerNamePrefix", "virtualMachineProfile", "osProfile", "computerNamePrefix"));
        }
        return InventoryEntry.of(id, kind, text(resource, "computerName", "osProfile", "computerName"), null);
    }

    private static InventoryEntry.Kind kindOfType(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case VIRTUAL_MACHINE -> InventoryEntry.Kind.VIRTUAL_MACHINE;
            case SCALE_SET -> InventoryEntry.Kind.SCALE_SET;
            case SCALE_SET_VM -> InventoryEntry.Kind.SCALE_SET_VM;
            default -> null;
        };
    }

    /** What the id's shape names; null for none of the three. */
    private static InventoryEntry.Kind kindOfId(String id) throws InvalidRecordException {
        if (ResourceIds.scaleSetName(id) != null) {
            return InventoryEntry.Kind.SCALE_SET;
        }
        AzureMachine machine = ResourceIds.machine(id);
        if (machine == null || machine.resourceId() == null) {
            throw new InvalidRecordException(
                    ErrorType.INVALID_INVENTORY_ENTRY, "the id names no VM, scale-set VM or scale set");
        }
        return ResourceIds.isScaleSetInstance(id)
                ? InventoryEntry.Kind.SCALE_SET_VM
                : InventoryEntry.Kind.VIRTUAL_MACHINE;
    }

    /** A string at {@code path} under {@code properties}, else at the top level; null when absent. */
    private static String text(JsonNode resource, String name, String... path) throws InvalidRecordException {
        JsonNode value = at(resource.path("properties"), path);
        if (value.isMissingNode() || value.isNull()) {
            value = at(resource, path);
        }
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRecordException(ErrorType.INVALID_FIELD, name + ": not a string");
        }
        return value.asText().isBlank() ? null : value.asText();
    }

    private static JsonNode at(JsonNode node, String... path) {
        for (String field : path) {
            node = node.path(field);
        }
        return node;
    }

    private InventoryUpdate deadLetter(ErrorType type, String message, Origin origin, byte[] value, long length) {
        int kept = (int) Math.min(value.length, limits.maxDeadLetterBytes());
        return InventoryUpdate.of(DeadLetter.of(type, message, origin, Arrays.copyOf(value, kept), length));
    }

    private static String jsonError(IOException e) {
        return e instanceof JsonProcessingException json
                ? "not JSON: " + Texts.clip(json.getOriginalMessage())
                : "not JSON: " + e.getClass().getSimpleName();
    }

    private static final byte[] NO_BYTES = new byte[0];
}
