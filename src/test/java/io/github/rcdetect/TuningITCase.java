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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** testdata/ tuned by testdata/tuning (its README lists the items): exceptions, value lists, suppression, a rule off. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TuningITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(2);

    @TempDir
    Path directory;

    @Test
    void exceptionsDropAndSuppressionGroupsExactlyTheAlertsTheSpecificationSays() throws Exception {
        Path alerts = directory.resolve("alerts.ndjson");
        RunSummary summary = BoundedRun.run(JobConfig.fromArgs(
                "--activity", "testdata/activity",
                "--process", "testdata/process",
                "--alerts", alerts.toString(),
                "--dead-letter", directory.resolve("dead-letters.ndjson").toString(),
                "--exceptions", "testdata/tuning/exceptions.ndjson",
                "--value-list", "build-hosts.txt=testdata/tuning/build-hosts.txt",
                "--value-list", "office-ranges.txt=testdata/tuning/office-ranges.txt",
                "--rule-settings", "testdata/tuning/rule-settings.json"));

        assertThat(Files.readAllLines(alerts).stream().map(TuningITCase::describe))
                .containsExactly(
                        "R2 2026-03-10T09:14:30.412Z win-web-01 3 2026-03-10T09:14:30.412Z..2026-03-10T09:16:12.500Z"
                                + " host.name=[\"win-web-01\"]",
                        "R1 2026-03-10T09:15:02.123Z win-web-01 -",
                        "R1 2026-03-10T09:16:10.555Z win-web-01 -",
                        "R1 2026-03-10T10:01:58.700Z lnx-db-02 -",
                        "R2 2026-03-10T10:02:01.000Z lnx-db-02 2 2026-03-10T10:02:01.000Z..2026-03-10T10:02:01.950Z"
                                + " host.name=[\"lnx-db-02\"]",
                        "R2 2026-03-10T12:30:04.880Z win-sql-03 0 2026-03-10T12:30:04.880Z..2026-03-10T12:30:04.880Z"
                                + " host.name=[\"win-sql-03\"]",
                        "R2 2026-03-10T13:45:16.321Z win-app-04 0 2026-03-10T13:45:16.321Z..2026-03-10T13:45:16.321Z"
                                + " host.name=[\"win-app-04\"]");
        assertThat(summary.alerts()).isEqualTo(Map.of("R1", 3L, "R2", 4L, "R3", 0L, "R4", 0L));
        assertThat(summary.droppedByExceptions()).isEqualTo(Map.of("R1", 2L, "R2", 4L, "R3", 0L, "R4", 0L));
        assertThat(summary.suppressed()).isEqualTo(Map.of("R1", 0L, "R2", 5L, "R3", 0L, "R4", 0L));
        assertThat(summary.line())
                .contains("alerts R1=3 R2=4 R3=0 R4=0, dropped by exceptions 6 (R1=2 R2=4), suppressed 5 (R2=5),");
    }

    private static String describe(String line) {
        try {
            JsonNode alert = Json.MAPPER.readTree(line);
            JsonNode suppression = alert.at("/kibana/alert/suppression");
            String head = String.join(
                    " ",
                    alert.at("/rule/id").asText(),
                    alert.at("/@timestamp").asText(),
                    alert.at("/host/name").asText());
            if (suppression.isMissingNode()) {
                return head + " -";
            }
            JsonNode term = suppression.at("/terms/0");
            return head + " " + suppression.at("/docs_count").asLong() + " "
                    + suppression.at("/start").asText() + ".."
                    + suppression.at("/end").asText() + " " + term.at("/field").asText() + "=" + term.at("/value");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
