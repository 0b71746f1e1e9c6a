package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rcdetect.config.JobConfig;
import io.github.rcdetect.output.Json;
import io.github.rcdetect.testing.TestClusters;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * testdata/fleet (its README lists the cases): FQDN and renamed guests, a scale-set instance, managed Run Command with
 * and without RunAs, and the near misses between the two families, as a bounded run gives them (docs/spec.md,
 * sections 9 and 10).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FleetScenariosITCase {
    private static final String SECRET = "Winter2026!Deploy";

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(2);

    @TempDir
    Path directory;

    private record Run(List<String> alerts, List<String> deadLetters, RunSummary summary) {}

    private Run run(String... extra) throws Exception {
        Path alerts = directory.resolve("alerts.ndjson");
        Path deadLetters = directory.resolve("dead-letters.ndjson");
        List<String> args = new ArrayList<>(List.of(
                "--activity",
                "testdata/fleet/activity",
                "--process",
                "testdata/fleet/process",
                "--alerts",
                alerts.toString(),
                "--dead-letter",
                deadLetters.toString()));
        args.addAll(List.of(extra));
        RunSummary summary = BoundedRun.run(JobConfig.fromArgs(args.toArray(new String[0])));
        return new Run(Files.readAllLines(alerts), Files.readAllLines(deadLetters), summary);
    }

    @Test
    void withTheInventoryEveryMachineIsFoundAndEachFamilyCorrelatesOnlyWithItsOwn() throws Exception {
        Run run = run("--host-inventory", "testdata/fleet/inventory");

        assertThat(run.alerts().stream().map(FleetScenariosITCase::describe)).containsExactlyElementsOf(expected());
        assertThat(run.summary().alerts()).isEqualTo(Map.of("R1", 4L, "R2", 6L, "R3", 3L, "R4", 5L));
        // azure.resource.id names the machine, as the record (or the inventory) spells it, never a run command.
        String rg = "/SUBSCRIPTIONS/3C7E2F1A-8D4B-4E6F-9A1C-2B5D7E9F0A13/RESOURCEGROUPS/PROD-FLEET/PROVIDERS/"
                + "MICROSOFT.COMPUTE";
        assertThat(run.alerts().stream()
                        .map(FleetScenariosITCase::parse)
                        .filter(alert -> alert.at("/rule/id").asText().matches("R[13]"))
                        .map(alert -> alert.at("/azure/resource/id").asText("-")))
                .containsExactly(
                        rg + "/VIRTUALMACHINES/WIN-PAY-03",
                        rg + "/VIRTUALMACHINES/LNX-CACHE-VM-2",
                        rg + "/VIRTUALMACHINES/SQL-REPORTING-VM-07",
                        rg + "/VIRTUALMACHINESCALESETS/FRONTSS/VIRTUALMACHINES/75",
                        "-",
                        rg + "/VIRTUALMACHINES/LNX-BUILD-07",
                        rg + "/VIRTUALMACHINES/WIN-OPS-05");
        assertThat(run.deadLetters()).hasSize(1);
        JsonNode deadLetter = Json.MAPPER.readTree(run.deadLetters().get(0));
        assertThat(deadLetter.at("/error/type").asText()).isEqualTo("invalid_timestamp");
        assertThat(deadLetter.at("/original").asText()).contains("echo [REDACTED] | sudo -S -u deploy");
        for (String line : concat(run.alerts(), run.deadLetters())) {
            assertThat(line).doesNotContain(SECRET);
        }
    }

    @Test
    void withoutTheInventoryRenamedGuestsAreNotCorrelated() throws Exception {
        Run run = run();

        List<String> correlated = run.alerts().stream()
                .map(FleetScenariosITCase::describe)
                .filter(alert -> alert.startsWith("R1") || alert.startsWith("R3"))
                .map(alert -> String.join("\t", List.of(alert.split("\t")).subList(0, 3)))
                .toList();
        assertThat(correlated)
                .containsExactly(
                        "R1\t2026-03-11T09:00:00.100Z\twin-pay-03.corp.fabrikam.com",
                        "R1\t2026-03-11T09:10:00.000Z\tcache-a",
                        "R3\t2026-03-11T09:50:00.000Z\tlnx-build-07",
                        "R3\t2026-03-11T10:00:00.000Z\tlnx-build-07",
                        "R3\t2026-03-11T10:40:00.000Z\twin-ops-05");
        assertThat(run.summary().alerts()).isEqualTo(Map.of("R1", 2L, "R2", 6L, "R3", 3L, "R4", 5L));
    }

    private static JsonNode parse(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The columns of testdata/fleet/expected-alerts.tsv. */
    static String describe(String line) {
        try {
            JsonNode alert = Json.MAPPER.readTree(line);
            JsonNode commandLine = alert.at("/process/command_line");
            return String.join(
                    "\t",
                    alert.at("/rule/id").asText(),
                    alert.at("/@timestamp").asText(),
                    alert.at("/host/name").asText(),
                    alert.at("/cloud/instance/name").asText("-"),
                    alert.at("/azure_runcommand/host_match").asText("-"),
                    commandLine.isArray() ? commandLine.get(0).asText() : commandLine.asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> expected() throws IOException {
        return Files.readAllLines(Paths.get("testdata/fleet/expected-alerts.tsv")).stream()
                .filter(line -> !line.startsWith("#"))
                .toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
