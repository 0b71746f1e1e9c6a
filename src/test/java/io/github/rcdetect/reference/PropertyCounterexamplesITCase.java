package io.github.rcdetect.reference;

import static io.github.rcdetect.testing.Records.at;
import static io.github.rcdetect.testing.Records.line;
import static io.github.rcdetect.testing.Records.runCommand;
import static io.github.rcdetect.testing.Records.windowsChild;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.testing.DetectionRun;
import io.github.rcdetect.testing.TestClusters;

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
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(2);

    @TempDir
    Path directory;

    private List<String> r1CorrelationIds(List<ObjectNode> activity, List<ObjectNode> processes) throws Exception {
        DetectionRun.Result result = new DetectionRun(directory)
                .run(
                        activity.stream().map(record -> line(record)).toList(),
                        processes.stream().map(p -> line(p)).toList());
        assertThat(result.deadLetters()).isEmpty();
        return result.alerts("R1").stream()
                .map(alert -> alert.at("/azure_runcommand/correlation_id").asText())
                .toList();
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
            assertThat(r1CorrelationIds(
                            List.of(
                                    runCommand(at(10), "VM0", first, "Accept"),
                                    runCommand(at(10), "VM0", "Bd3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", "Accept")),
                            List.of(windowsChild(at(10.001), "vm0", "whoami.exe", "whoami /all"))))
                    .as("first invocation spelled %s", first)
                    .containsExactly("Bd3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a");
        }
    }

    /**
     * Found by the bounded-run invariants property (seed 20260312): records of one invocation at one millisecond that
     * spell its id differently were ordered by file and line, so the alert's {@code correlation_id} and {@code
     * event.id} changed when the lines were swapped.
     */
    @Test
    void recordsOfOneInvocationAtOneMillisecondGiveTheSameAlertInEitherLineOrder() throws Exception {
        ObjectNode upper = runCommand(at(0), "VM0", "6F1D2C3B-0A9E-4B8D-9C7F-1E2D3C4B5A61", "Start");
        ObjectNode lower = runCommand(at(0), "VM0", "6f1d2c3b-0a9e-4b8d-9c7f-1e2d3c4b5a61", "Accept");
        List<ObjectNode> process = List.of(windowsChild(at(2), "vm0", "whoami.exe", "whoami /all"));
        List<String> oneOrder = r1Identity("one", List.of(upper, lower), process);
        List<String> otherOrder = r1Identity("other", List.of(lower, upper), process);
        assertThat(oneOrder).hasSize(1).isEqualTo(otherOrder);
    }

    /**
     * Found by the same property: of two invocations without correlation id at one millisecond the one on the later
     * line was the latest, so the caller and {@code event.id} of the alert moved with the lines.
     */
    @Test
    void ofTwoInvocationsWithoutIdAtOneMillisecondTheSameIsTheLatestInEitherLineOrder() throws Exception {
        ObjectNode mallory = runCommand(at(0), "VM0", null, "Start");
        ObjectNode trent = runCommand(at(0), "VM0", null, "Start");
        ((ObjectNode) trent.at("/identity/claims"))
                .put("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", "trent@contoso.com");
        List<ObjectNode> process = List.of(windowsChild(at(2), "vm0", "whoami.exe", "whoami /all"));
        List<String> oneOrder = r1Identity("one", List.of(mallory, trent), process);
        List<String> otherOrder = r1Identity("other", List.of(trent, mallory), process);
        assertThat(oneOrder).hasSize(1).isEqualTo(otherOrder);
    }

    /** Each R1 alert's event.id, correlation id and caller. */
    private List<String> r1Identity(String run, List<ObjectNode> activity, List<ObjectNode> processes)
            throws Exception {
        DetectionRun.Result result = new DetectionRun(directory.resolve(run))
                .run(
                        activity.stream().map(record -> line(record)).toList(),
                        processes.stream().map(p -> line(p)).toList());
        assertThat(result.deadLetters()).isEmpty();
        return result.alerts("R1").stream()
                .map(alert -> alert.at("/event/id").asText() + " "
                        + alert.at("/azure_runcommand/correlation_id").asText() + " "
                        + alert.at("/user/email").asText())
                .toList();
    }
}
