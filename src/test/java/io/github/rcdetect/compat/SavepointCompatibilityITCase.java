package io.github.rcdetect.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.output.Json;
import io.github.rcdetect.testing.KafkaBroker;
import io.github.rcdetect.testing.StreamingJobs;
import io.github.rcdetect.testing.TestClusters;
import io.github.rcdetect.testing.Testdata;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Users run this job with state: a savepoint of the first release restores into this one and gives the alerts that
 * release gave (docs/testing.md, "Savepoints"). The savepoint under {@code src/test/resources/savepoints/} was taken
 * from the streaming job of the first release over testdata/ up to 10:02, with the Run Command of lnx-db-02 in R1's
 * state and its processes still to come; the same release, restored from it, then gave the alerts beside it. Here
 * the input topics are rebuilt as they were (same names, partitions and offsets), the rest of testdata/ follows, and
 * the job restores at the parallelism it was taken at and at two others (keyed state redistributed).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SavepointCompatibilityITCase {

    @RegisterExtension
    @Order(1)
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(4);

    private static final String SAVEPOINT = "savepoints/v0.1.0-testdata-before-1002";
    private static final String REMAINING_ALERTS = "savepoints/v0.1.0-testdata-before-1002-remaining-alerts.ndjson";
    /** What the first release read before its savepoint: testdata/ up to this time. */
    private static final Instant SAVED_UNTIL = Instant.parse("2026-03-10T10:02:00Z");
    /** The topics, partitions and consumer group of the run the savepoint was taken from. */
    private static final KafkaBroker.Topics TOPICS = new KafkaBroker.Topics(
            "savepoint-activity", "savepoint-process", "savepoint-alerts", "savepoint-dead-letters", "savepoint-late");

    private static final int PARTITIONS = 2;
    private static final String GROUP = "savepoint-v0";

    private static final StreamingJobs JOBS = new StreamingJobs(KAFKA);

    @TempDir
    static Path directory;

    /** The input as the first release read it, then the rest of testdata/ and the ticks that close every window. */
    @BeforeAll
    static void rebuildTheInputTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(TOPICS.activity(), PARTITIONS, (short) 1),
                            new NewTopic(TOPICS.process(), PARTITIONS, (short) 1),
                            new NewTopic(TOPICS.alerts(), 1, (short) 1),
                            new NewTopic(TOPICS.deadLetters(), 1, (short) 1),
                            new NewTopic(TOPICS.late(), 1, (short) 1)))
                    .all()
                    .get();
        }
        List<List<String>> activity = Testdata.cutAt(Testdata.inTimeOrder("activity"), SAVED_UNTIL);
        List<List<String>> process = Testdata.cutAt(Testdata.inTimeOrder("process"), SAVED_UNTIL);
        for (int part = 0; part < 2; part++) {
            KAFKA.spread(TOPICS.activity(), PARTITIONS, activity.get(part));
            KAFKA.spread(TOPICS.process(), PARTITIONS, process.get(part));
        }
        KAFKA.spread(TOPICS.activity(), PARTITIONS, List.of(Testdata.ACTIVITY_TICK, Testdata.ACTIVITY_TICK));
        KAFKA.spread(TOPICS.process(), PARTITIONS, List.of(Testdata.PROCESS_TICK, Testdata.PROCESS_TICK));
    }

    @ParameterizedTest(name = "restored at parallelism {0}")
    @ValueSource(ints = {2, 1, 3})
    void theFirstReleasesSavepointGivesTheAlertsThatReleaseGave(int parallelism) throws Exception {
        int before = KAFKA.readCommitted(TOPICS.alerts()).size();
        int deadLettersBefore = KAFKA.readCommitted(TOPICS.deadLetters()).size();
        List<JsonNode> expected = expectedAlerts();

        Configuration restore = new Configuration();
        restore.set(
                StateRecoveryOptions.SAVEPOINT_PATH,
                savepointCopy(parallelism).toUri().toString());
        JobClient job = JOBS.start(
                JOBS.args(
                        TOPICS,
                        directory.resolve("p" + parallelism),
                        "--group-id",
                        GROUP,
                        "--parallelism",
                        String.valueOf(parallelism)),
                restore);
        List<JsonNode> alerts;
        try {
            KAFKA.awaitCommitted(
                    TOPICS.alerts(), records -> records.size() >= before + expected.size(), StreamingJobs.WAIT);
            Thread.sleep(3_000);
            List<JsonNode> all = StreamingJobs.documents(KAFKA.readCommitted(TOPICS.alerts()));
            alerts = all.subList(before, all.size());
        } finally {
            job.cancel().get();
        }

        assertThat(alerts.stream().map(alert -> alert.at("/event/id").asText()).sorted())
                .as("the alerts by event.id")
                .containsExactlyElementsOf(expected.stream()
                        .map(alert -> alert.at("/event/id").asText())
                        .sorted()
                        .toList());
        for (JsonNode old : expected) {
            JsonNode now = alerts.stream()
                    .filter(alert -> alert.at("/event/id").equals(old.at("/event/id")))
                    .findFirst()
                    .orElseThrow();
            assertThat(missingOrDifferent(old, now, ""))
                    .as("fields of %s", Testdata.describe(old))
                    .isEmpty();
        }
        assertThat(KAFKA.readCommitted(TOPICS.deadLetters()))
                .as("the savepoint's offsets lie beyond testdata/'s dead letters")
                .hasSize(deadLettersBefore);
    }

    /** Every field of {@code old} that {@code now} lacks or holds differently, by path. */
    private static List<String> missingOrDifferent(JsonNode old, JsonNode now, String path) {
        List<String> differences = new ArrayList<>();
        if (old instanceof ObjectNode oldObject && now instanceof ObjectNode newObject) {
            Iterator<Map.Entry<String, JsonNode>> fields = oldObject.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = newObject.get(field.getKey());
                if (value == null) {
                    differences.add(path + "/" + field.getKey() + " is missing");
                } else {
                    differences.addAll(missingOrDifferent(field.getValue(), value, path + "/" + field.getKey()));
                }
            }
        } else if (!old.equals(now)) {
            differences.add(path + " is " + now + ", was " + old);
        }
        return differences;
    }

    private static List<JsonNode> expectedAlerts() throws IOException {
        List<JsonNode> alerts = new ArrayList<>();
        for (String line : resource(REMAINING_ALERTS).split("\n")) {
            alerts.add(Json.MAPPER.readTree(line));
        }
        return alerts;
    }

    /** A copy of the committed savepoint per run: restoring must not depend on where it lies, nor change it. */
    private static Path savepointCopy(int parallelism) throws Exception {
        Path source = Paths.get(
                SavepointCompatibilityITCase.class.getResource("/" + SAVEPOINT).toURI());
        Path copy = directory.resolve("savepoint-" + parallelism);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = SavepointCompatibilityITCase.class.getResourceAsStream("/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
