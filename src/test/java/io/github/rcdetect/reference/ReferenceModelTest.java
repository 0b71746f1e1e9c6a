package io.github.rcdetect.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rcdetect.reference.Scenario.ActivityRecord;
import io.github.rcdetect.reference.Scenario.ActivityShape;
import io.github.rcdetect.reference.Scenario.ProcessRecord;
import io.github.rcdetect.reference.Scenario.ProcessShape;
import io.github.rcdetect.reference.Scenario.Result;
import io.github.rcdetect.testing.records.TimeFormat;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The reference model on hand-made scenarios: it must say what docs/spec.md, sections 3 and 4 say before it judges the job. */
class ReferenceModelTest {
    private static final String SCRIPT = "powershell -ExecutionPolicy Unrestricted -File script1.ps1";
    private static final String WAAGENT = "/var/lib/waagent/run-command/download/0/script.sh";

    /** Locations do not matter here. */
    private static final ReferenceModel.Locations NOWHERE = new ReferenceModel.Locations() {
        @Override
        public String file(Object record) {
            return "f";
        }

        @Override
        public long line(Object record) {
            return 1;
        }

        @Override
        public Integer recordIndex(Object record) {
            return null;
        }
    };

    private static ActivityRecord record(long at, String vm, String id, Result result) {
        return new ActivityRecord(
                at,
                Scenario.Target.vm(vm),
                Scenario.RUN_COMMAND,
                id,
                result,
                "mallory@contoso.com",
                ActivityShape.RAW,
                TimeFormat.MILLIS_Z);
    }

    private static ProcessRecord windows(
            long at, String host, String name, String parentName, String parentCommandLine) {
        return new ProcessRecord(
                at,
                host,
                ProcessShape.DEFEND,
                "start",
                List.of("start"),
                name,
                name + " /x",
                parentName,
                parentCommandLine,
                List.of(),
                "e" + at,
                1,
                TimeFormat.MILLIS_Z);
    }

    private static ProcessRecord child(long at, String commandLine) {
        return new ProcessRecord(
                at,
                "VM1",
                ProcessShape.DEFEND,
                "start",
                List.of("start"),
                "whoami.exe",
                commandLine,
                "powershell.exe",
                SCRIPT,
                List.of(),
                "e" + at,
                1,
                TimeFormat.MILLIS_Z);
    }

    private static ProcessRecord linux(long at, String action, String shell, String... parentArgs) {
        return new ProcessRecord(
                at,
                "vm1",
                ProcessShape.DEFEND,
                action,
                List.of("start"),
                "id",
                "id",
                shell,
                shell + " " + WAAGENT,
                List.of(parentArgs),
                "e" + at,
                1,
                TimeFormat.MILLIS_Z);
    }

    /** R1 alerts as "time id [command lines]". */
    private static List<String> r1(List<ActivityRecord> activity, List<ProcessRecord> processes) {
        return ReferenceModel.alerts(List.of(new Scenario(activity, processes)), NOWHERE).stream()
                .map(ReferenceModel.Expected::view)
                .filter(view -> view.rule().equals("R1"))
                .map(view -> view.timestamp().substring(14) + " " + view.correlationId() + " " + view.commandLines())
                .toList();
    }

    private static List<String> r2(ProcessRecord process) {
        return ReferenceModel.alerts(List.of(new Scenario(List.of(), List.of(process))), NOWHERE).stream()
                .map(expected -> expected.view().host() + " " + expected.view().commandLines())
                .toList();
    }

    @Test
    void theWindowIsZeroTo120SecondsInclusiveAtMillisecondResolution() {
        assertThat(r1(
                        List.of(record(0, "VM1", "c1", Result.START)),
                        List.of(child(-1, "early"), child(0, "at"), child(120_000, "last"), child(120_001, "late"))))
                .containsExactly("00:00.000Z c1 [at, last]");
    }

    @Test
    void eachProcessBelongsToTheLatestInvocationBeforeIt() {
        assertThat(r1(
                        List.of(record(0, "vm1", "a", Result.START), record(10_000, "vm1", "b", Result.START)),
                        List.of(child(5_000, "first"), child(10_000, "second"), child(125_000, "third"))))
                .containsExactly("00:00.000Z a [first]", "00:10.000Z b [second, third]");
    }

    @Test
    void ofInvocationsAtOneMillisecondTheGreaterIdIgnoringCaseIsTheLatestAndNoIdComesFirst() {
        assertThat(r1(
                        List.of(record(0, "vm1", "a3", Result.START), record(0, "vm1", "B2", Result.START)),
                        List.of(child(1, "p"))))
                .containsExactly("00:00.000Z B2 [p]");
        assertThat(r1(
                        List.of(record(0, "vm1", null, Result.START), record(0, "vm1", "a", Result.START)),
                        List.of(child(1, "p"))))
                .containsExactly("00:00.000Z a [p]");
    }

    @Test
    void recordsSharingAnIdInAnyCaseAreOneInvocationAtTheEarliestAndAFailureIsNoneOfThem() {
        assertThat(r1(
                        List.of(
                                record(90_000, "vm1", "ABC", Result.SUCCESS),
                                record(-5_000, "vm1", "abc", Result.FAILURE),
                                record(0, "VM1", "abc", Result.START)),
                        List.of(child(100_000, "in"), child(150_000, "after the success, too late"))))
                .containsExactly("00:00.000Z abc [in]");
        assertThat(r1(List.of(record(0, "vm1", "abc", Result.FAILURE)), List.of(child(1, "p"))))
                .isEmpty();
        assertThat(r1(
                        List.of(record(0, "vm1", null, Result.START), record(60_000, "vm1", null, Result.SUCCESS)),
                        List.of(child(70_000, "p"))))
                .as("records without id are invocations of their own")
                .containsExactly("01:00.000Z null [p]");
    }

    @Test
    void guestProcessesAreTheScriptsChildrenOnly() {
        List<ActivityRecord> invocation = List.of(record(0, "vm1", "c1", Result.START));
        assertThat(r1(invocation, List.of(windows(1, "vm1", "CONHOST.EXE", "powershell.exe", SCRIPT))))
                .isEmpty();
        assertThat(r1(
                        invocation,
                        List.of(windows(
                                1,
                                "vm1",
                                "a.exe",
                                "PowerShell.EXE",
                                " POWERSHELL\t-executionpolicy  unrestricted -FILE SCRIPT123.PS1 "))))
                .hasSize(1);
        assertThat(r1(
                        invocation,
                        List.of(windows(
                                1,
                                "vm1",
                                "a.exe",
                                "powershell.exe",
                                "powershell -ExecutionPolicy Unrestricted -File script.ps1"))))
                .isEmpty();
        assertThat(r1(invocation, List.of(windows(1, "vm1", "a.exe", "pwsh.exe", SCRIPT))))
                .isEmpty();
        assertThat(r1(invocation, List.of(linux(1, "exec", "dash", "dash", WAAGENT))))
                .hasSize(1);
        assertThat(r1(
                        invocation,
                        List.of(linux(1, "exec", "bash", "/var/lib/waagent/run-command/download//script.sh"))))
                .hasSize(1);
        assertThat(r1(invocation, List.of(linux(1, "fork", "bash", WAAGENT)))).isEmpty();
        assertThat(r1(invocation, List.of(linux(1, "exec", "zsh", WAAGENT)))).isEmpty();
        assertThat(r1(invocation, List.of(linux(1, "exec", "Bash", WAAGENT)))).isEmpty();
        assertThat(r1(invocation, List.of(linux(1, "exec", "sh", "/var/lib/waagent/run-command/download/script.sh"))))
                .isEmpty();
        assertThat(r1(invocation, List.of(linux(1, "exec", "sh", "sh " + WAAGENT))))
                .isEmpty();
    }

    @Test
    void r2IsEveryProcessStartUnderTheScriptHostOnAnyShell() {
        assertThat(r2(linux(0, "fork", "zsh", WAAGENT))).containsExactly("vm1 [id]");
        assertThat(r2(linux(0, "exec", "python3", WAAGENT))).isEmpty();
        assertThat(r2(windows(0, "VM1", "conhost.exe", "powershell.exe", SCRIPT)))
                .containsExactly("vm1 [conhost.exe /x]");
        ProcessRecord end = new ProcessRecord(
                0,
                "vm1",
                ProcessShape.DEFEND,
                "end",
                List.of("end"),
                "id",
                "id",
                "bash",
                "bash",
                List.of(WAAGENT),
                "e",
                1,
                TimeFormat.MILLIS_Z);
        assertThat(r2(end)).isEmpty();
    }

    @Test
    void tiesTheReadmeLeavesOpenAreRefusedNotGuessed() {
        assertThatThrownBy(() -> r1(
                        List.of(record(0, "vm1", null, Result.START), record(0, "vm1", null, Result.START)),
                        List.of(child(1, "p"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r1(
                        List.of(record(0, "vm1", "ABC", Result.START), record(0, "vm1", "abc", Result.ACCEPT)),
                        List.of(child(1, "p"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
