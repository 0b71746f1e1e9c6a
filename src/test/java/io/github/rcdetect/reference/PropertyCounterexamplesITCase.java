package io.github.rcdetect.reference;

import static io.github.rcdetect.testing.Records.at;
import static io.github.rcdetect.testing.Records.line;
import static io.github.rcdetect.testing.Records.runCommand;
import static io.github.rcdetect.testing.Records.windowsChild;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.testing.DetectionRun;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The disagreements the properties found, shrunk by hand to their essence, as plain examples. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PropertyCounterexamplesITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path directory;

    private List<String> r1CorrelationIds(List<ObjectNode> activity, List<ObjectNode> processes) throws Exception {
        DetectionRun.Result result =
                new DetectionRun(directory)
                        .run(activity.stream().map(record -> line(record)).toList(), processes.stream().map(p -> line(p)).toList());
        assertThat(result.deadLetters()).isEmpty();
        return result.alerts("R1").stream().map(alert -> alert.at("/azure_runcommand/correlation_id").asText()).toList();
    }

    /**
     * Found by the streaming property (seed 20260311): of two invocations at one millisecond the job took the id
     * {@code a3c1...} as the latest because it compared ids case-sensitively ({@code 'B' < 'a'}), so the spelling
     * Azure happened to use decided which invocation got the process. Ids are compared case-insensitively everywhere
     * else; {@code bd3e...} is the greater.
     */
    @Test
    void ofTwoInvocationsAtOneMillisecondTheLatestIsTheGreaterIdWhateverItsCase() throws Exception {
        for (String first : List.of("a3c1e2f0-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "A3C1E2F0-5B6D-4E7F-8A9B-0C1D2E3F4A5B")) {
            assertThat(
                            r1CorrelationIds(
                                    List.of(
                                            runCommand(at(10), "VM0", first, "Accept"),
                                            runCommand(at(10), "VM0", "Bd3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", "Accept")),
                                    List.of(windowsChild(at(10.001), "vm0", "whoami.exe", "whoami /all"))))
                    .as("first invocation spelled %s", first)
                    .containsExactly("Bd3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a");
        }
    }
}
