package io.github.rcdetect.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.rcdetect.output.Json;
import io.github.rcdetect.reference.Scenario.ActivityRecord;
import io.github.rcdetect.reference.Scenario.ActivityShape;
import io.github.rcdetect.reference.Scenario.ProcessRecord;
import io.github.rcdetect.reference.Scenario.ProcessShape;
import io.github.rcdetect.reference.Scenario.Result;
import io.github.rcdetect.reference.Scenario.TimeFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes scenarios as NDJSON files in the shapes of ../shared/samples: raw Activity Log records bare or in Event Hub
 * batches, Elastic integration ECS (nested and dotted), Elastic Defend and Sysmon event 1 (after ingest and as
 * Winlogbeat ships it). Remembers the file, line and batch index of every record, for the expected source
 * references.
 */
public final class ScenarioFiles implements ReferenceModel.Locations {
    private static final String SUBSCRIPTION = "3C7E2F1A-8D4B-4E6F-9A1C-2B5D7E9F0A13";
    private static final String TENANT = "aa40685b-417d-4664-b4ec-8f7640719adb";
    private static final String NAME_CLAIM = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
    private static final String WINDOWS_DIR = "C:\\Windows\\System32\\";
    private static final String POWERSHELL_DIR = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\";
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS_PLUS_TWO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.ofHours(2));

    /** One line of an input file and the records it holds (several for an Event Hub batch). */
    private record Line(String json, List<?> records, boolean batch) {}

    private record Location(String file, long line, Integer recordIndex) {}

    private final Map<Object, Location> locations = new IdentityHashMap<>();
    private final List<Path> activityFiles = new ArrayList<>();
    private final List<Path> processFiles = new ArrayList<>();

    private ScenarioFiles() {}

    /**
     * An export: every line in random order, each stream split over one to four files, raw records in Event Hub
     * batches of up to four (of any hosts and times) or bare.
     */
    public static ScenarioFiles export(List<Scenario> scenarios, Random random, Path directory) throws IOException {
        ScenarioFiles files = new ScenarioFiles();
        List<Line> activity = activityLines(allActivity(scenarios), random, 4);
        List<Line> processes = processLines(allProcesses(scenarios));
        Collections.shuffle(activity, random);
        Collections.shuffle(processes, random);
        files.write(directory, "activity", activity, 1 + random.nextInt(4), random, files.activityFiles);
        files.write(directory, "process", processes, 1 + random.nextInt(4), random, files.processFiles);
        return files;
    }

    /**
     * A stream: one file per stream in time order, except that records may be up to {@code disorderMillis} early
     * or late against each other; raw records in batches of up to four neighbours.
     */
    public static ScenarioFiles stream(List<Scenario> scenarios, Random random, long disorderMillis, Path directory)
            throws IOException {
        ScenarioFiles files = new ScenarioFiles();
        List<ActivityRecord> activity = jitteredTimeOrder(allActivity(scenarios), ActivityRecord::at, disorderMillis, random);
        List<ProcessRecord> processes = jitteredTimeOrder(allProcesses(scenarios), ProcessRecord::at, disorderMillis, random);
        files.write(directory, "activity", activityLines(activity, random, 4), 1, random, files.activityFiles);
        files.write(directory, "process", processLines(processes), 1, random, files.processFiles);
        return files;
    }

    public List<Path> activityFiles() {
        return activityFiles;
    }

    public List<Path> processFiles() {
        return processFiles;
    }

    @Override
    public String file(Object record) {
        return location(record).file();
    }

    @Override
    public long line(Object record) {
        return location(record).line();
    }

    @Override
    public Integer recordIndex(Object record) {
        return location(record).recordIndex();
    }

    private Location location(Object record) {
        Location location = locations.get(record);
        if (location == null) {
            throw new IllegalArgumentException("not written: " + record);
        }
        return location;
    }

    private static List<ActivityRecord> allActivity(List<Scenario> scenarios) {
        List<ActivityRecord> all = new ArrayList<>();
        scenarios.forEach(scenario -> all.addAll(scenario.activity()));
        return all;
    }

    private static List<ProcessRecord> allProcesses(List<Scenario> scenarios) {
        List<ProcessRecord> all = new ArrayList<>();
        scenarios.forEach(scenario -> all.addAll(scenario.processes()));
        return all;
    }

    /** Sorted by time plus a random shift below {@code disorder}: no two records are more than that out of order. */
    private static <T> List<T> jitteredTimeOrder(
            List<T> records, java.util.function.ToLongFunction<T> time, long disorder, Random random) {
        List<Map.Entry<Long, T>> keyed = new ArrayList<>();
        for (T record : records) {
            keyed.add(Map.entry(time.applyAsLong(record) + (disorder == 0 ? 0 : (long) (random.nextDouble() * disorder)), record));
        }
        keyed.sort(Map.Entry.comparingByKey());
        return keyed.stream().map(Map.Entry::getValue).toList();
    }

    /** Raw records are grouped, in the given order, into Event Hub batches of one to {@code maxBatch} neighbours, or left bare. */
    private static List<Line> activityLines(List<ActivityRecord> records, Random random, int maxBatch) {
        List<Line> lines = new ArrayList<>();
        List<ActivityRecord> batch = new ArrayList<>();
        int batchSize = 0;
        for (ActivityRecord record : records) {
            if (record.shape() != ActivityShape.RAW) {
                // A batch holds neighbours only: it ends where a record of another shape comes between.
                if (!batch.isEmpty()) {
                    lines.add(batchLine(batch));
                    batch = new ArrayList<>();
                    batchSize = 0;
                }
                lines.add(new Line(Json.write(activityDocument(record)), List.of(record), false));
                continue;
            }
            if (batchSize == 0) {
                // A third of the raw records travel bare, the rest in batches.
                batchSize = random.nextInt(3) == 0 ? -1 : 1 + random.nextInt(maxBatch);
            }
            if (batchSize < 0) {
                lines.add(new Line(Json.write(activityDocument(record)), List.of(record), false));
                batchSize = 0;
                continue;
            }
            batch.add(record);
            if (batch.size() == batchSize) {
                lines.add(batchLine(batch));
                batch = new ArrayList<>();
                batchSize = 0;
            }
        }
        if (!batch.isEmpty()) {
            lines.add(batchLine(batch));
        }
        return lines;
    }

    private static Line batchLine(List<ActivityRecord> batch) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        ArrayNode array = message.putArray("records");
        batch.forEach(record -> array.add(activityDocument(record)));
        return new Line(Json.write(message), List.copyOf(batch), true);
    }

    private static List<Line> processLines(List<ProcessRecord> processes) {
        List<Line> lines = new ArrayList<>();
        processes.forEach(process -> lines.add(new Line(Json.write(processDocument(process)), List.of(process), false)));
        return lines;
    }

    private void write(Path directory, String stream, List<Line> lines, int fileCount, Random random, List<Path> files)
            throws IOException {
        List<List<Line>> parts = new ArrayList<>();
        for (int i = 0; i < fileCount; i++) {
            parts.add(new ArrayList<>());
        }
        // Each file keeps the relative order of its lines.
        lines.forEach(line -> parts.get(fileCount == 1 ? 0 : random.nextInt(fileCount)).add(line));
        Files.createDirectories(directory.resolve(stream));
        for (int i = 0; i < fileCount; i++) {
            // A folder per stream, so a bounded run can be pointed at it as bin/detect would be.
            Path file = directory.resolve(stream).resolve(stream + "-" + i + (i % 2 == 0 ? ".ndjson" : ".json"));
            List<String> text = new ArrayList<>();
            long lineNumber = 0;
            for (Line line : parts.get(i)) {
                lineNumber++;
                text.add(line.json());
                for (int index = 0; index < line.records().size(); index++) {
                    locations.put(
                            line.records().get(index),
                            new Location(file.toString(), lineNumber, line.batch() ? index : null));
                }
            }
            Files.write(file, text, StandardCharsets.UTF_8);
            files.add(file);
        }
    }

    // ---- documents ------------------------------------------------------------------------------------------------

    static ObjectNode activityDocument(ActivityRecord record) {
        return switch (record.shape()) {
            case RAW -> rawActivity(record);
            case ECS_NESTED -> ecsActivity(record);
            case ECS_DOTTED -> dotted(ecsActivity(record));
        };
    }

    private static String resourceId(ActivityRecord record) {
        // Azure writes resource ids upper-cased in some records and in ARM's mixed case in others.
        return record.at() % 2 == 0
                ? "/SUBSCRIPTIONS/" + SUBSCRIPTION + "/RESOURCEGROUPS/PROD-RG/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/"
                        + record.vm()
                : "/subscriptions/" + SUBSCRIPTION.toLowerCase() + "/resourceGroups/prod-rg/providers/Microsoft.Compute/"
                        + "virtualMachines/" + record.vm();
    }

    private static ObjectNode rawActivity(ActivityRecord record) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.set("time", time(record.at(), record.timeFormat()));
        doc.put("resourceId", resourceId(record));
        doc.put("operationName", record.operation());
        doc.put("category", "Administrative");
        doc.put("resultType", record.result().resultType);
        doc.put("resultSignature", record.result() == Result.FAILURE ? "Failed." : "Started.");
        if (record.correlationId() != null) {
            doc.put("correlationId", record.correlationId());
        }
        doc.put("callerIpAddress", "203.0.113.7");
        doc.put("level", "Information");
        doc.put("location", "global");
        doc.put("tenantId", TENANT);
        ObjectNode identity = doc.putObject("identity");
        identity.putObject("authorization").putObject("evidence").put("principalId", "ee4d999c57f24213adac6192582b8649");
        ObjectNode claims = identity.putObject("claims");
        if (record.userEmail() != null) {
            claims.put(NAME_CLAIM, record.userEmail());
        }
        return doc;
    }

    private static ObjectNode ecsActivity(ActivityRecord record) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.set("@timestamp", time(record.at(), record.timeFormat()));
        ObjectNode event = doc.putObject("event");
        event.put("action", record.operation());
        event.put("kind", "event");
        if (record.result() == Result.SUCCESS || record.result() == Result.FAILURE) {
            event.put("outcome", record.result().resultType.toLowerCase());
        }
        ObjectNode azure = doc.putObject("azure");
        ObjectNode activityLogs = azure.putObject("activitylogs");
        activityLogs.put("category", "Administrative");
        activityLogs.put("operation_name", record.operation());
        activityLogs.put("result_type", record.result().resultType);
        activityLogs.put("tenant_id", TENANT);
        if (record.correlationId() != null) {
            azure.put("correlation_id", record.correlationId());
        }
        ObjectNode resource = azure.putObject("resource");
        resource.put("name", record.vm());
        resource.put("id", resourceId(record));
        azure.put("subscription_id", SUBSCRIPTION);
        doc.putObject("source").put("ip", "203.0.113.7");
        if (record.userEmail() != null) {
            doc.putObject("user").put("email", record.userEmail());
        }
        return doc;
    }

    static ObjectNode processDocument(ProcessRecord process) {
        return switch (process.shape()) {
            case DEFEND -> defend(process);
            case DEFEND_DOTTED -> dotted(defend(process));
            case SYSMON_INGEST -> sysmonIngest(process);
            case SYSMON_WINLOGBEAT -> sysmonWinlogbeat(process);
        };
    }

    private static ObjectNode defend(ProcessRecord process) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.set("@timestamp", time(process.at(), process.timeFormat()));
        ObjectNode event = doc.putObject("event");
        event.put("kind", "event");
        event.put("module", "endpoint");
        event.put("dataset", "endpoint.events.process");
        event.put("action", process.action());
        event.put("id", process.eventId());
        event.putArray("category").add("process");
        if (process.eventType().size() == 1 && process.pid() % 2 == 0) {
            event.put("type", process.eventType().get(0));
        } else {
            ArrayNode types = event.putArray("type");
            process.eventType().forEach(types::add);
        }
        doc.putObject("host").put("name", process.host());
        ObjectNode proc = doc.putObject("process");
        proc.put("name", process.name());
        proc.put("pid", process.pid());
        proc.put("entity_id", process.entityId());
        proc.put("command_line", process.commandLine());
        ArrayNode args = proc.putArray("args");
        for (String arg : process.commandLine().trim().split("\\s+")) {
            args.add(arg);
        }
        ObjectNode parent = proc.putObject("parent");
        parent.put("name", process.parentName());
        parent.put("pid", process.pid() - 1);
        parent.put("entity_id", process.entityId() + "-parent");
        parent.put("command_line", process.parentCommandLine());
        ArrayNode parentArgs = parent.putArray("args");
        process.parentArgs().forEach(parentArgs::add);
        return doc;
    }

    private static ObjectNode sysmonIngest(ProcessRecord process) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.set("@timestamp", time(process.at(), process.timeFormat()));
        ObjectNode event = doc.putObject("event");
        event.put("action", "Process creation");
        event.putArray("category").add("process");
        event.put("code", "1");
        event.put("kind", "event");
        event.put("module", "sysmon");
        event.put("provider", "Microsoft-Windows-Sysmon");
        event.putArray("type").add("start");
        doc.putObject("host").put("name", process.host());
        ObjectNode proc = doc.putObject("process");
        proc.put("name", process.name());
        proc.put("pid", process.pid());
        proc.put("entity_id", process.entityId());
        proc.put("executable", WINDOWS_DIR + process.name());
        proc.put("command_line", process.commandLine());
        ObjectNode parent = proc.putObject("parent");
        parent.put("name", process.parentName());
        parent.put("pid", process.pid() - 1);
        parent.put("executable", POWERSHELL_DIR + process.parentName());
        parent.put("command_line", process.parentCommandLine());
        ArrayNode parentArgs = parent.putArray("args");
        process.parentArgs().forEach(parentArgs::add);
        ObjectNode winlog = doc.putObject("winlog");
        winlog.put("channel", "Microsoft-Windows-Sysmon/Operational");
        winlog.put("computer_name", process.host());
        winlog.put("event_id", "1");
        winlog.put("provider_name", "Microsoft-Windows-Sysmon");
        return doc;
    }

    /** Only {@code winlog.event_data}; half of them without {@code host.name}, named by the computer alone. */
    private static ObjectNode sysmonWinlogbeat(ProcessRecord process) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.set("@timestamp", time(process.at(), process.timeFormat()));
        ObjectNode event = doc.putObject("event");
        event.put("action", "Process Create (rule: ProcessCreate)");
        event.put("kind", "event");
        event.put("provider", "Microsoft-Windows-Sysmon");
        if (process.pid() % 2 == 0) {
            doc.putObject("host").put("name", process.host());
        }
        ObjectNode winlog = doc.putObject("winlog");
        winlog.put("channel", "Microsoft-Windows-Sysmon/Operational");
        winlog.put("computer_name", process.host());
        winlog.put("event_id", "1");
        winlog.put("provider_name", "Microsoft-Windows-Sysmon");
        ObjectNode data = winlog.putObject("event_data");
        data.put("Image", WINDOWS_DIR + process.name());
        data.put("CommandLine", process.commandLine());
        data.put("ProcessId", Long.toString(process.pid()));
        data.put("ProcessGuid", "{" + process.entityId() + "}");
        data.put("ParentImage", POWERSHELL_DIR + process.parentName());
        data.put("ParentCommandLine", process.parentCommandLine());
        data.put("ParentProcessId", Long.toString(process.pid() - 1));
        data.put("User", "NT AUTHORITY\\SYSTEM");
        return doc;
    }

    /** The same document with dotted keys ({@code "process.parent.name": ...}) instead of nested objects. */
    static ObjectNode dotted(ObjectNode nested) {
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

    /** A time in the given format; the digits below the millisecond vary but never change the millisecond. */
    static JsonNode time(long offsetMillis, TimeFormat format) {
        Instant instant = Scenario.T0.plusMillis(offsetMillis);
        long finer = Math.floorMod(offsetMillis * 7919 + 13, 1_000_000);
        return switch (format) {
            case MILLIS_Z -> TextNode.valueOf(MILLIS.format(instant) + "Z");
            case AZURE_7_DIGITS -> TextNode.valueOf(MILLIS.format(instant) + String.format("%04d", finer % 10_000) + "Z");
            case NANOS_9_DIGITS -> TextNode.valueOf(MILLIS.format(instant) + String.format("%06d", finer) + "Z");
            case PLUS_TWO_HOURS -> TextNode.valueOf(MILLIS_PLUS_TWO.format(instant));
            case EPOCH_MILLIS -> LongNode.valueOf(instant.toEpochMilli());
        };
    }
}
