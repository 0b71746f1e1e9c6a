package io.github.rcdetect.reference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.output.Json;
import io.github.rcdetect.reference.Scenario.ActivityRecord;
import io.github.rcdetect.reference.Scenario.ActivityShape;
import io.github.rcdetect.reference.Scenario.InventoryResource;
import io.github.rcdetect.reference.Scenario.ProcessRecord;
import io.github.rcdetect.reference.Scenario.Result;
import io.github.rcdetect.reference.Scenario.Target;
import io.github.rcdetect.testing.records.ActivityDocument;
import io.github.rcdetect.testing.records.Documents;
import io.github.rcdetect.testing.records.ProcessDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes scenarios as NDJSON files in the shapes of the public samples (src/test/resources/samples/): raw Activity Log records bare or in Event Hub
 * batches, Elastic integration ECS (nested and dotted), Elastic Defend and Sysmon event 1 (after ingest and as
 * Winlogbeat ships it); and their host inventory as Resource Graph's NDJSON and the az CLI's JSON array
 * (testdata/fleet/inventory/ has one of each). Remembers the file, line and batch index of every record, for the
 * expected source references.
 */
public final class ScenarioFiles implements ReferenceModel.Locations {
    private static final String WINDOWS_DIR = "C:\\Windows\\System32\\";
    private static final String POWERSHELL_DIR = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\";

    /** One line of an input file and the records it holds (several for an Event Hub batch). */
    private record Line(String json, List<?> records, boolean batch) {}

    private record Location(String file, long line, Integer recordIndex) {}

    private final Map<Object, Location> locations = new IdentityHashMap<>();
    private final List<Path> activityFiles = new ArrayList<>();
    private final List<Path> processFiles = new ArrayList<>();
    private final List<Path> inventoryFiles = new ArrayList<>();

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
        files.writeInventory(directory, scenarios);
        return files;
    }

    /**
     * A stream: one file per stream in time order, except that records may be up to {@code disorderMillis} early
     * or late against each other; raw records in batches of up to four neighbours.
     */
    public static ScenarioFiles stream(List<Scenario> scenarios, Random random, long disorderMillis, Path directory)
            throws IOException {
        ScenarioFiles files = new ScenarioFiles();
        List<ActivityRecord> activity =
                jitteredTimeOrder(allActivity(scenarios), ActivityRecord::at, disorderMillis, random);
        List<ProcessRecord> processes =
                jitteredTimeOrder(allProcesses(scenarios), ProcessRecord::at, disorderMillis, random);
        files.write(directory, "activity", activityLines(activity, random, 4), 1, random, files.activityFiles);
        files.write(directory, "process", processLines(processes), 1, random, files.processFiles);
        files.writeInventory(directory, scenarios);
        return files;
    }

    public List<Path> activityFiles() {
        return activityFiles;
    }

    public List<Path> processFiles() {
        return processFiles;
    }

    /** None when the scenarios have no inventory. */
    public List<Path> inventoryFiles() {
        return inventoryFiles;
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
            keyed.add(Map.entry(
                    time.applyAsLong(record) + (disorder == 0 ? 0 : (long) (random.nextDouble() * disorder)), record));
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
                lines.add(new Line(Documents.line(activityDocument(record)), List.of(record), false));
                continue;
            }
            if (batchSize == 0) {
                // A third of the raw records travel bare, the rest in batches.
                batchSize = random.nextInt(3) == 0 ? -1 : 1 + random.nextInt(maxBatch);
            }
            if (batchSize < 0) {
                lines.add(new Line(Documents.line(activityDocument(record)), List.of(record), false));
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
        ObjectNode message = Documents.eventHubBatch(
                batch.stream().map(ScenarioFiles::activityDocument).toList());
        return new Line(Documents.line(message), List.copyOf(batch), true);
    }

    private static List<Line> processLines(List<ProcessRecord> processes) {
        List<Line> lines = new ArrayList<>();
        processes.forEach(
                process -> lines.add(new Line(Documents.line(processDocument(process)), List.of(process), false)));
        return lines;
    }

    private void write(Path directory, String stream, List<Line> lines, int fileCount, Random random, List<Path> files)
            throws IOException {
        List<List<Line>> parts = new ArrayList<>();
        for (int i = 0; i < fileCount; i++) {
            parts.add(new ArrayList<>());
        }
        // Each file keeps the relative order of its lines.
        lines.forEach(line ->
                parts.get(fileCount == 1 ? 0 : random.nextInt(fileCount)).add(line));
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

    /** Resource Graph's resources one a line, the az CLI's as one pretty-printed array, as each tool writes them. */
    private void writeInventory(Path directory, List<Scenario> scenarios) throws IOException {
        List<String> resourceGraph = new ArrayList<>();
        ArrayNode az = Json.MAPPER.createArrayNode();
        for (Scenario scenario : scenarios) {
            for (InventoryResource resource : scenario.inventory()) {
                if (resource.resourceGraph()) {
                    resourceGraph.add(Documents.line(inventoryDocument(resource)));
                } else {
                    az.add(inventoryDocument(resource));
                }
            }
        }
        Path folder = directory.resolve("inventory");
        if (!resourceGraph.isEmpty()) {
            Files.createDirectories(folder);
            inventoryFiles.add(
                    Files.write(folder.resolve("resource-graph.ndjson"), resourceGraph, StandardCharsets.UTF_8));
        }
        if (!az.isEmpty()) {
            Files.createDirectories(folder);
            inventoryFiles.add(Files.writeString(
                    folder.resolve("az-vm-list.json"),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(az)));
        }
    }

    /** A resource as Resource Graph (fields under {@code properties}, types lower-cased) or {@code az vm list} gives it. */
    private static ObjectNode inventoryDocument(InventoryResource resource) {
        Target target = resource.target();
        String type = resource.isScaleSet()
                ? "Microsoft.Compute/virtualMachineScaleSets"
                : target.scaleSet() != null
                        ? "Microsoft.Compute/virtualMachineScaleSets/virtualMachines"
                        : "Microsoft.Compute/virtualMachines";
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("id", resource.id());
        document.put(
                "name",
                target.scaleSet() == null
                        ? target.machine()
                        : resource.isScaleSet() ? target.scaleSet() : target.scaleSet() + "_" + target.machine());
        document.put("type", resource.resourceGraph() ? type.toLowerCase(Locale.ROOT) : type);
        document.put("location", "westeurope");
        ObjectNode fields = resource.resourceGraph() ? document.putObject("properties") : document;
        if (resource.isScaleSet()) {
            fields.putObject("virtualMachineProfile")
                    .putObject("osProfile")
                    .put("computerNamePrefix", resource.computerName());
        } else {
            fields.putObject("osProfile").put("computerName", resource.computerName());
        }
        return document;
    }

    // ---- documents ------------------------------------------------------------------------------------------------

    static ObjectNode activityDocument(ActivityRecord record) {
        ActivityDocument document = ActivityDocument.operation(record.operation())
                .time(record.timeFormat().render(Scenario.T0.plusMillis(record.at())))
                .resourceId(record.resourceId())
                .resourceName(record.resourceName())
                .result(record.result().resultType)
                .resultSignature(record.result() == Result.FAILURE ? "Failed." : "Started.")
                .correlationId(record.correlationId())
                // The integration's ECS of these records carries no principal.
                .caller(
                        "203.0.113.7",
                        ActivityDocument.TENANT,
                        record.shape() == ActivityShape.RAW ? "ee4d999c57f24213adac6192582b8649" : null,
                        record.userEmail())
                .subscription(ActivityDocument.SUBSCRIPTION)
                .levelAndLocation("Information", "global");
        return switch (record.shape()) {
            case RAW -> document.raw();
            case ECS_NESTED -> document.ecs();
            case ECS_DOTTED -> document.ecsDotted();
        };
    }

    static ObjectNode processDocument(ProcessRecord process) {
        ProcessDocument document = ProcessDocument.process()
                .time(process.timeFormat().render(Scenario.T0.plusMillis(process.at())))
                .host(process.host())
                .cloud(process.cloudInstanceName(), process.cloudProvider())
                .name(process.name())
                .pid(process.pid())
                .commandLine(process.commandLine())
                .parent(process.parentName(), process.parentCommandLine(), process.parentArgs())
                .parentPid(process.pid() - 1);
        return switch (process.shape()) {
            case DEFEND -> defend(process, document).defend();
            case DEFEND_DOTTED -> defend(process, document).defendDotted();
            case SYSMON_INGEST ->
                document.entityId(process.entityId())
                        .executable(WINDOWS_DIR + process.name())
                        .parentExecutable(POWERSHELL_DIR + process.parentName())
                        .sysmonIngest();
            case SYSMON_WINLOGBEAT -> winlogbeat(process, document).sysmonWinlogbeat();
        };
    }

    private static ProcessDocument defend(ProcessRecord process, ProcessDocument document) {
        return document.action(process.action())
                .eventType(process.eventType(), process.pid() % 2 == 0)
                .eventId(process.eventId())
                .entityId(process.entityId())
                .args(List.of(process.commandLine().trim().split("\\s+")))
                .parentEntityId(process.entityId() + "-parent");
    }

    /** Only {@code winlog.event_data}; half of them without {@code host.name}, named by the computer alone. */
    private static ProcessDocument winlogbeat(ProcessRecord process, ProcessDocument document) {
        document.executable(WINDOWS_DIR + process.name())
                .entityId("{" + process.entityId() + "}")
                .parentExecutable(POWERSHELL_DIR + process.parentName());
        return process.pid() % 2 == 0 ? document : document.withoutHostName();
    }
}
