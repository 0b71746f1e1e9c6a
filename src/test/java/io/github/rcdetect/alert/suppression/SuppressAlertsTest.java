package io.github.rcdetect.alert.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.registry.Rules;
import io.github.rcdetect.testing.Processes;

import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Suppression on Flink's keyed harness (docs/spec.md, section 12): first alert, docs_count, windows, state gone. */
class SuppressAlertsTest {
    private static final long T0 = 1_773_136_800_000L;
    private static final long MINUTE = 60_000;
    private static final Map<String, SuppressionSettings> BY_HOST =
            Map.of("R2", new SuppressionSettings(List.of("host.name"), 5 * MINUTE, true));

    private KeyedOneInputStreamOperatorTestHarness<String, Detection, Detection> harness;

    private void open(Map<String, SuppressionSettings> settings, boolean finalFiguresOnly) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new SuppressAlerts(settings, finalFiguresOnly, Rules.ids())),
                SuppressionGroups::key,
                org.apache.flink.api.common.typeinfo.Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private static Detection r2(String host, long at, String id) {
        ProcessEvent process =
                Processes.windows("powershell.exe", "powershell -ExecutionPolicy Unrestricted -File script0.ps1");
        process.hostName = host;
        process.timestamp = at;
        return new SuppressionGroups(BY_HOST, Rules.metadata()).map(Detection.ofProcess("R2", id, host, process));
    }

    private void send(Detection detection) throws Exception {
        harness.processElement(new StreamRecord<>(detection, detection.timestamp));
    }

    private List<String> emitted() {
        return harness.extractOutputValues().stream()
                .map(d -> d.eventId + " "
                        + (d.suppression == null
                                ? "-"
                                : d.suppression.docsCount + " " + (d.suppression.start - T0) / 1000 + ".."
                                        + (d.suppression.end - T0) / 1000))
                .toList();
    }

    @Test
    void aStreamSendsTheFirstAlertAtOnceAndOneUpdateWhenTheWindowEnds() throws Exception {
        open(BY_HOST, false);
        send(r2("vm1", T0, "a"));
        assertThat(emitted()).containsExactly("a 0 0..0");
        send(r2("vm1", T0 + MINUTE, "b"));
        send(r2("vm2", T0 + MINUTE, "c"));
        send(r2("vm1", T0 + 5 * MINUTE, "d"));
        assertThat(emitted()).containsExactly("a 0 0..0", "c 0 60..60");

        harness.processWatermark(T0 + 5 * MINUTE + 1);
        assertThat(emitted())
                .as("vm1's update; vm2 suppressed nothing")
                .containsExactly("a 0 0..0", "c 0 60..60", "a 2 0..300");
        harness.processWatermark(T0 + 7 * MINUTE);
        assertThat(emitted()).hasSize(3);
        assertThat(harness.numKeyedStateEntries())
                .as("state ends with the windows")
                .isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void anAlertAfterTheWindowOpensANewGroupEvenWhenItArrivesLate() throws Exception {
        open(BY_HOST, false);
        send(r2("vm1", T0, "a"));
        harness.processWatermark(T0 + 10 * MINUTE);
        send(r2("vm1", T0 + 6 * MINUTE, "late"));
        send(r2("vm1", T0 + 7 * MINUTE, "late2"));
        harness.processWatermark(T0 + 20 * MINUTE);
        assertThat(emitted()).containsExactly("a 0 0..0", "late 0 360..360", "late 1 360..420");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aBoundedRunWritesEachGroupOnceWithItsFinalFiguresWhateverTheOrder() throws Exception {
        open(BY_HOST, true);
        send(r2("vm1", T0 + 6 * MINUTE, "c"));
        send(r2("vm1", T0 + MINUTE, "b"));
        send(r2("vm1", T0, "a"));
        send(r2("vm1", T0 + 12 * MINUTE, "d"));
        assertThat(emitted()).isEmpty();
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(emitted()).containsExactly("a 1 0..60", "c 0 360..360", "d 0 720..720");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void missingFieldsGroupUnderNullOrPassAlone() throws Exception {
        Map<String, SuppressionSettings> byUser =
                Map.of("R2", new SuppressionSettings(List.of("user.email"), MINUTE, true));
        Detection suppressed = new SuppressionGroups(byUser, Rules.metadata())
                .map(Detection.ofProcess(
                        "R2",
                        "x",
                        "vm1",
                        Processes.windows(
                                "powershell.exe", "powershell -ExecutionPolicy Unrestricted -File script0.ps1")));
        assertThat(suppressed.suppression.fields).containsExactly("user.email");
        assertThat(suppressed.suppression.values[0].values).isNull();

        Map<String, SuppressionSettings> alone =
                Map.of("R2", new SuppressionSettings(List.of("user.email"), MINUTE, false));
        Detection passing = new SuppressionGroups(alone, Rules.metadata())
                .map(Detection.ofProcess(
                        "R2",
                        "y",
                        "vm1",
                        Processes.windows(
                                "powershell.exe", "powershell -ExecutionPolicy Unrestricted -File script0.ps1")));
        assertThat(passing.suppression).isNull();

        open(alone, false);
        send(passing);
        send(new SuppressionGroups(alone, Rules.metadata())
                .map(Detection.ofProcess(
                        "R2",
                        "z",
                        "vm1",
                        Processes.windows(
                                "powershell.exe", "powershell -ExecutionPolicy Unrestricted -File script0.ps1"))));
        assertThat(emitted()).containsExactly("y -", "z -");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aRuleWithoutSuppressionPassesUntouched() throws Exception {
        open(BY_HOST, false);
        Detection r1 = Detection.ofProcess(
                "R4",
                "q",
                "vm1",
                Processes.windows("powershell.exe", "powershell -ExecutionPolicy Unrestricted -File script0.ps1"));
        send(new SuppressionGroups(BY_HOST, Rules.metadata()).map(r1));
        assertThat(emitted()).containsExactly("q -");
    }
}
