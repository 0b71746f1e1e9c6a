package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.config.JobConfig;
import io.github.rcdetect.output.Json;
import io.github.rcdetect.reference.PropertyCluster;
import io.github.rcdetect.reference.PropertyRunSettings;
import io.github.rcdetect.reference.Scenario;
import io.github.rcdetect.reference.ScenarioFiles;
import io.github.rcdetect.reference.Scenarios;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Invariants of a bounded run, on random scenarios that include every tie (records of one invocation at one
 * millisecond that disagree on caller or id spelling, invocations without id at one millisecond): the alerts do not
 * depend on the order of the lines or on how they are split into files and Event Hub batches, and the same input
 * gives the same bytes, {@code event.id} included.
 */
@AddLifecycleHook(PropertyRunSettings.class)
class BoundedRunInvariantsITCase {
    static final int SCENARIOS_PER_RUN = 100;
    private static final Duration RUN_LIMIT = Duration.ofMinutes(2);
    private static final PropertyCluster CLUSTER = new PropertyCluster();
    private static long runs;
    private static long alerts;

    @BeforeContainer
    static void startCluster() throws Exception {
        CLUSTER.start();
    }

    @AfterContainer
    static void stopCluster() {
        CLUSTER.stop();
        System.out.printf("BoundedRunInvariantsITCase: %d bounded runs, %d alerts compared%n", runs, alerts);
    }

    @Provide
    Arbitrary<List<Scenario>> batches() {
        return Scenarios.batches(SCENARIOS_PER_RUN, false);
    }

    @Property(tries = 10, seed = "20260312", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void alertsDependNeitherOnLineOrderNorOnFilesAndTheSameInputGivesTheSameBytes(
            @ForAll("batches") List<Scenario> batch, @ForAll long layoutSeed, @ForAll long otherLayoutSeed)
            throws Exception {
        Path directory = Files.createTempDirectory("rcdetect-invariants");
        try {
            Path one = directory.resolve("one");
            Path other = directory.resolve("other");
            ScenarioFiles.export(batch, new Random(layoutSeed), one);
            ScenarioFiles.export(batch, new Random(otherLayoutSeed), other);
            List<String> first = CLUSTER.within(RUN_LIMIT, () -> run(one, directory.resolve("out-1")));
            List<String> again = CLUSTER.within(RUN_LIMIT, () -> run(one, directory.resolve("out-2")));
            List<String> reordered = CLUSTER.within(RUN_LIMIT, () -> run(other, directory.resolve("out-3")));

            assertThat(first).as("alerts of the batch").isNotEmpty();
            assertThat(again).as("the same input again, byte for byte").containsExactlyElementsOf(first);
            assertSameLines(
                    "other line order, files and batches; all but file, line and record_index",
                    withoutLocations(first),
                    withoutLocations(reordered));
            runs += 3;
            alerts += first.size();
        } finally {
            delete(directory);
        }
    }

    /** A bounded run as bin/detect does it; its alert lines. Dead letters are not expected. */
    private static List<String> run(Path input, Path output) throws Exception {
        Path alerts = output.resolve("alerts.ndjson");
        Path deadLetters = output.resolve("dead-letters.ndjson");
        RunSummary summary = BoundedRun.run(JobConfig.fromArgs(
                "--activity", input.resolve("activity").toString(),
                "--process", input.resolve("process").toString(),
                "--alerts", alerts.toString(),
                "--dead-letter", deadLetters.toString()));
        assertThat(Files.readAllLines(deadLetters)).isEmpty();
        assertThat(summary.lateRecords()).isZero();
        return Files.readAllLines(alerts);
    }

    /** Fails naming only the lines that differ, not all of a run's hundreds. */
    private static void assertSameLines(String what, List<String> expected, List<String> actual) {
        if (expected.equals(actual)) {
            return;
        }
        List<String> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<String> unexpected = new ArrayList<>(actual);
        expected.forEach(unexpected::remove);
        throw new AssertionError(what + ": " + expected.size() + " lines before, " + actual.size() + " after"
                + (missing.isEmpty() && unexpected.isEmpty() ? ", the same lines in another order" : "")
                + "\n  only before:\n    " + String.join("\n    ", missing.subList(0, Math.min(5, missing.size())))
                + "\n  only after:\n    "
                + String.join("\n    ", unexpected.subList(0, Math.min(5, unexpected.size()))));
    }

    /** The lines without the file, line and batch index of their source events, which move with the records. */
    private static List<String> withoutLocations(List<String> lines) throws IOException {
        List<String> stripped = new ArrayList<>();
        for (String line : lines) {
            JsonNode alert = Json.MAPPER.readTree(line);
            for (JsonNode source : alert.at("/azure_runcommand/source_events")) {
                ((ObjectNode) source).remove(List.of("file", "line", "record_index"));
            }
            stripped.add(Json.write(alert));
        }
        return stripped;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
