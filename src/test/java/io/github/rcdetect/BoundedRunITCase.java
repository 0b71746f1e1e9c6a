package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.config.JobConfig;
import io.github.rcdetect.output.Json;
import io.github.rcdetect.testing.TestClusters;
import io.github.rcdetect.testing.Testdata;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** The bounded run as bin/detect does it (files in, sorted files out, summary), on the bundled testdata/. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BoundedRunITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(2);

    @TempDir
    Path directory;

    private static final Map<String, Long> NONE = Map.of("R1", 0L, "R2", 0L, "R3", 0L, "R4", 0L);

    /** A bounded run's outputs. */
    record Run(List<String> alertLines, List<String> deadLetterLines, RunSummary summary) {
        List<JsonNode> alerts() {
            return parse(alertLines);
        }

        List<JsonNode> deadLetters() {
            return parse(deadLetterLines);
        }
    }

    private Run run(String activity, String process) throws Exception {
        Path alerts = directory.resolve("out/alerts.ndjson");
        Path deadLetters = directory.resolve("out/dead-letters.ndjson");
        RunSummary summary = BoundedRun.run(JobConfig.fromArgs(
                "--activity",
                activity,
                "--process",
                process,
                "--alerts",
                alerts.toString(),
                "--dead-letter",
                deadLetters.toString()));
        return new Run(Files.readAllLines(alerts), Files.readAllLines(deadLetters), summary);
    }

    @Test
    void testdataGivesExactlyTheAlertsAndDeadLettersSpecDefines() throws Exception {
        Run run = run("testdata/activity", "testdata/process");
        assertThat(run.alerts().stream().map(Testdata::describe)).containsExactlyElementsOf(Testdata.EXPECTED_ALERTS);
        assertThat(run.deadLetters().stream().map(Testdata::describeDeadLetter))
                .containsExactlyElementsOf(Testdata.EXPECTED_DEAD_LETTERS);
        assertThat(run.summary())
                .usingRecursiveComparison()
                .ignoringFields("seconds")
                .isEqualTo(
                        new RunSummary(22, 24, 6, 0, Map.of("R1", 5L, "R2", 13L, "R3", 0L, "R4", 0L), NONE, NONE, 0));
        assertThat(run.summary().line())
                .matches("summary: records read activity=22 process=24, dead letters 6, late records 0,"
                        + " alerts R1=5 R2=13 R3=0 R4=0, dropped by exceptions 0, suppressed 0, [0-9]+\\.[0-9] s");
    }

    @Test
    void theExpectedAlertsFileForShellChecksSaysTheSame() throws IOException {
        List<String> tsv = Files.readAllLines(Paths.get("testdata/expected-alerts.tsv")).stream()
                .filter(line -> !line.startsWith("#"))
                .toList();
        assertThat(tsv)
                .containsExactlyElementsOf(Testdata.EXPECTED_ALERTS.stream()
                        .map(alert -> String.join("\t", alert.split(" ", 4)).replaceAll("\t[^\t]*$", ""))
                        .toList());
    }

    @Test
    void r1AlertOfTestdataCarriesTheCallerFromTheActivityRecords() throws Exception {
        Run run = run("testdata/activity", "testdata/process");
        JsonNode sql = run.alerts().stream()
                .filter(alert -> alert.at("/host/name").asText().equals("win-sql-03"))
                .filter(alert -> alert.at("/rule/id").asText().equals("R1"))
                .findFirst()
                .orElseThrow();
        assertThat(sql.at("/user/email").asText()).isEqualTo("it-admin@contoso.com");
        assertThat(sql.at("/source/ip").asText()).isEqualTo("198.51.100.14");
        assertThat(sql.at("/source/as/number").asLong()).isEqualTo(64496);
        assertThat(sql.at("/source/geo/country_name").asText()).isEqualTo("Netherlands");
        assertThat(sql.at("/azure/activitylogs/tenant_id").asText()).isEqualTo("aa40685b-417d-4664-b4ec-8f7640719adb");
        assertThat(sql.at("/azure/subscription_id").asText()).isEqualTo("3C7E2F1A-8D4B-4E6F-9A1C-2B5D7E9F0A13");
        assertThat(sql.at("/azure_runcommand/correlation_id").asText())
                .isEqualTo("5e6f7081-92a3-4b4c-8d5e-6f7081920a96");
        assertThat(sql.at("/azure_runcommand/process_count").asInt()).isEqualTo(1);
        assertThat(sql.at("/azure_runcommand/delay_seconds").asDouble()).isEqualTo(4.63);
        assertThat(sql.at("/azure_runcommand/source_events")).hasSize(3);
    }

    @Test
    void orderOfRecordsAndTheirSplitAcrossFilesDoNotMatter() throws Exception {
        Run reference = run("testdata/activity", "testdata/process");
        for (long seed : new long[] {1, 2, 3}) {
            Random random = new Random(seed);
            Path activity = scatter(Testdata.lines("testdata/activity"), directory.resolve("a" + seed), random);
            Path process = scatter(Testdata.lines("testdata/process"), directory.resolve("p" + seed), random);
            Run shuffled = run(activity.toString(), process.toString());
            assertThat(withoutLocations(shuffled.alerts()))
                    .as("seed %d", seed)
                    .isEqualTo(withoutLocations(reference.alerts()));
            assertThat(withoutLocations(shuffled.deadLetters()))
                    .hasSameElementsAs(withoutLocations(reference.deadLetters()));
        }
    }

    @Test
    void theSameInputGivesByteIdenticalOutputs() throws Exception {
        Run first = run("testdata/activity", "testdata/process");
        Run second = run("testdata/activity", "testdata/process");
        assertThat(second.alertLines()).isEqualTo(first.alertLines());
        assertThat(second.deadLetterLines()).isEqualTo(first.deadLetterLines());
    }

    @Test
    void malformedLinesMixedIntoGoodInputLeaveTheAlertsIntact() throws Exception {
        Random random = new Random(7);
        List<String> garbage = List.of(
                "{",
                "[]",
                "null",
                "{\"@timestamp\":\"2026-03-10T09:15:05Z\",\"process\":{\"parent\":{\"name\":[\"a\",\"b\"]}}}",
                "{\"@timestamp\":\"2026-03-10T09:15:05Z\"}{\"@timestamp\":\"2026-03-10T09:15:05Z\"}",
                "{\"records\":[1,2,{\"time\":\"nope\"}]}",
                "{\"@timestamp\":\"" + "9".repeat(5 * 1024 * 1024) + "\"}");
        List<String> activity = new ArrayList<>(Testdata.lines("testdata/activity"));
        List<String> process = new ArrayList<>(Testdata.lines("testdata/process"));
        for (String line : garbage) {
            activity.add(random.nextInt(activity.size() + 1), line);
            process.add(random.nextInt(process.size() + 1), line);
        }
        Path activityDir = scatter(activity, directory.resolve("a"), random);
        Path processDir = scatter(process, directory.resolve("p"), random);
        Path invalidUtf8 = processDir.resolve("binary.json");
        Files.write(invalidUtf8, new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}', '\n'});

        Run run = run(activityDir.toString(), processDir.toString());
        assertThat(run.alerts().stream().map(Testdata::describe)).containsExactlyElementsOf(Testdata.EXPECTED_ALERTS);
        List<String> types = run.deadLetters().stream()
                .map(d -> d.at("/error/type").asText())
                .sorted()
                .toList();
        List<String> expectedTypes = new ArrayList<>();
        for (String stream : List.of("activity", "process")) {
            expectedTypes.addAll(List.of(
                    "invalid_json",
                    "not_an_object",
                    "not_an_object",
                    "invalid_json",
                    "not_an_object",
                    "not_an_object",
                    "invalid_timestamp",
                    "limit_exceeded"));
        }
        // process.parent.name is no field of an activity record, so that line is only bad on the process stream.
        expectedTypes.add("invalid_field");
        expectedTypes.add("invalid_json");
        Testdata.EXPECTED_DEAD_LETTERS.forEach(line -> expectedTypes.add(line.substring(line.lastIndexOf(' ') + 1)));
        Collections.sort(expectedTypes);
        assertThat(types).isEqualTo(expectedTypes);
        JsonNode huge = run.deadLetters().stream()
                .filter(d -> d.at("/error/type").asText().equals("limit_exceeded"))
                .findFirst()
                .orElseThrow();
        assertThat(huge.at("/original_truncated").asBoolean()).isTrue();
        assertThat(huge.at("/original_bytes").asLong()).isEqualTo(5 * 1024 * 1024 + 17);
        assertThat(huge.at("/original").asText()).hasSize(64 * 1024);
    }

    @Test
    void theSharedSamplesRunThroughTheWholeJob() throws Exception {
        List<String> activity = new ArrayList<>();
        for (String file : List.of("test-activitylogs-raw.log", "test-activitylogs-mixedcase-resourceid.log")) {
            activity.addAll(sample("azure_activitylogs/" + file).lines().toList());
        }
        for (String file : List.of(
                "integrations-activitylogs-sample_event.json",
                "msdocs-activity-log-schema-eventhub-records-example.json",
                "beats-azureeventhub-README-records-vm-deallocate.json")) {
            activity.add(Json.write(Json.MAPPER.readTree(sample("azure_activitylogs/" + file))));
        }
        List<String> process = new ArrayList<>();
        process.add(Json.write(
                Json.MAPPER.readTree(sample("elastic_defend_endpoint/endpoint-package-process-sample_event.json"))));
        for (String file : List.of(
                "beats-sysmon-12-processcreate.ingest.golden.json",
                "beats-sysmon-12-processcreate.evtx.collection.golden.json")) {
            for (JsonNode document : Json.MAPPER.readTree(sample("windows_sysmon/" + file))) {
                process.add(Json.write(document));
            }
        }
        Path activityFile = directory.resolve("samples/activity.ndjson");
        Path processFile = directory.resolve("samples/process.ndjson");
        Files.createDirectories(activityFile.getParent());
        Files.write(activityFile, activity);
        Files.write(processFile, process);

        Run run = run(activityFile.toString(), processFile.toString());
        assertThat(run.alerts()).isEmpty();
        assertThat(run.deadLetters()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.at("/error/type").asText()).isEqualTo("invalid_timestamp");
            assertThat(deadLetter.at("/origin/line").asInt()).isEqualTo(8);
            assertThat(deadLetter.at("/origin/record_index").asInt()).isZero();
        });
        assertThat(run.summary().activityRecords()).isEqualTo(8);
        assertThat(run.summary().processRecords()).isEqualTo(3);
    }

    /** The documents without file and line, which change when records move between files. */
    private static List<JsonNode> withoutLocations(List<JsonNode> documents) {
        List<JsonNode> stripped = new ArrayList<>();
        for (JsonNode document : documents) {
            JsonNode copy = document.deepCopy();
            copy.findParents("line").forEach(parent -> ((ObjectNode) parent).remove(List.of("file", "line")));
            stripped.add(copy);
        }
        return stripped;
    }

    /** Shuffles the lines into one to four files of a new folder. */
    private static Path scatter(List<String> lines, Path folder, Random random) throws IOException {
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, random);
        int files = 1 + random.nextInt(4);
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            parts.add(new ArrayList<>());
        }
        shuffled.forEach(line -> parts.get(random.nextInt(files)).add(line));
        Files.createDirectories(folder);
        for (int i = 0; i < files; i++) {
            Files.write(folder.resolve("part-" + i + (i % 2 == 0 ? ".ndjson" : ".json")), parts.get(i));
        }
        return folder;
    }

    private static List<JsonNode> parse(List<String> lines) {
        List<JsonNode> documents = new ArrayList<>();
        for (String line : lines) {
            try {
                documents.add(Json.MAPPER.readTree(line));
            } catch (IOException e) {
                throw new AssertionError("output line is not JSON: " + line, e);
            }
        }
        return documents;
    }

    private static String sample(String path) throws IOException {
        try (InputStream in = BoundedRunITCase.class.getResourceAsStream("/samples/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
