package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rcdetect.output.Json;
import io.github.rcdetect.testing.Testdata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** bin/detect as a user runs it: a separate process, its exit code, standard output and standard error. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DetectCommandITCase {

    @TempDir
    Path directory;

    record Outcome(int exitCode, List<String> stdout, List<String> stderr) {}

    private Outcome detect(String... args) throws IOException, InterruptedException {
        return detect(Map.of(), args);
    }

    private Outcome detect(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bin/detect"));
        command.addAll(List.of(args));
        Path out = directory.resolve("stdout");
        Path err = directory.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(150, TimeUnit.SECONDS))
                .as("bin/detect finished")
                .isTrue();
        return new Outcome(
                process.exitValue(),
                Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    @Test
    void withoutArgumentsItRunsOverTestdataAndPrintsAlertsThenASummary() throws Exception {
        Outcome outcome = detect();
        assertThat(outcome.exitCode()).isZero();
        List<String> alerts = new ArrayList<>();
        for (String line : outcome.stdout()) {
            JsonNode alert = Json.MAPPER.readTree(line);
            alerts.add(Testdata.describe(alert));
        }
        assertThat(alerts).containsExactlyElementsOf(Testdata.EXPECTED_ALERTS);
        List<String> deadLetters = outcome.stderr().stream()
                .filter(line -> line.startsWith("{\"error\""))
                .toList();
        assertThat(deadLetters).hasSize(Testdata.EXPECTED_DEAD_LETTERS.size());
        assertThat(outcome.stderr().get(outcome.stderr().size() - 1))
                .matches("summary: records read activity=22 process=24, dead letters 6, late records 0,"
                        + " alerts R1=5 R2=13 R3=0 R4=0, dropped by exceptions 0, suppressed 0, [0-9]+\\.[0-9] s");
    }

    @Test
    void itLeavesNothingInTheTemporaryDirectory() throws Exception {
        Path temporary = Files.createDirectory(directory.resolve("tmp"));
        Outcome outcome = detect(Map.of("JDK_JAVA_OPTIONS", "-Djava.io.tmpdir=" + temporary), "--quiet");
        assertThat(outcome.exitCode()).isZero();
        try (var left = Files.list(temporary)) {
            assertThat(left).as("what the run left in java.io.tmpdir").isEmpty();
        }
    }

    @Test
    void withFilesItWritesThemAndPrintsOnlyTheSummary() throws Exception {
        Path alerts = directory.resolve("alerts.ndjson");
        Path deadLetters = directory.resolve("dead.ndjson");
        Outcome outcome = detect(
                "--activity",
                "testdata/activity",
                "--process",
                "testdata/process/3-sysmon.ndjson",
                "--alerts",
                alerts.toString(),
                "--dead-letter",
                deadLetters.toString());
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stderr())
                .singleElement()
                .asString()
                .matches("summary: records read activity=22 process=5, dead letters 4, late records 0,"
                        + " alerts R1=2 R2=3 R3=0 R4=0, dropped by exceptions 0, suppressed 0, [0-9]+\\.[0-9] s");
        assertThat(Files.readAllLines(alerts)).hasSize(5);
        assertThat(Files.readAllLines(deadLetters)).hasSize(4);
    }

    @Test
    void aMissingOutputFolderIsCreatedAndSaidAndTheFileGetsTheUmasksMode() throws Exception {
        Path alerts = directory.resolve("new/folder/alerts.ndjson");
        Outcome outcome = detect(
                "--activity", "testdata/activity", "--process", "testdata/process", "--alerts", alerts.toString());
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stderr())
                .contains("detect: created the folder " + alerts.getParent().toAbsolutePath() + " for alerts.ndjson");
        Path sibling = Files.createFile(alerts.resolveSibling("made-here"));
        assertThat(Files.getPosixFilePermissions(alerts)).isEqualTo(Files.getPosixFilePermissions(sibling));
    }

    @Test
    void anUnwritableOutputIsOneUsageLineNamingIt() throws Exception {
        Outcome outcome =
                detect("--activity", "testdata/activity", "--process", "testdata/process", "--alerts", "testdata");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("detect: --alerts: testdata is a folder");
        assertThat(String.join("\n", outcome.stderr())).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aMissingInputIsAUsageErrorNamingTheOption() throws Exception {
        Outcome outcome = detect("--activity", "no/such/folder", "--process", "testdata/process");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr().get(0)).isEqualTo("detect: --activity: no such file or folder: no/such/folder");
        assertThat(outcome.stderr()).anyMatch(line -> line.startsWith("usage: bin/detect"));
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        Outcome outcome =
                detect("--activity", "testdata/activity", "--process", "testdata/process", "--alert", "x.ndjson");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr().get(0)).isEqualTo("detect: unknown option --alert (did you mean --alerts?)");
    }

    @Test
    void helpPrintsTheUsage() throws Exception {
        Outcome outcome = detect("--help");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout().get(0)).startsWith("usage: bin/detect");
    }
}
