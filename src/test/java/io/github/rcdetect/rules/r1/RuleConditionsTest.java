package io.github.rcdetect.rules.r1;

import static io.github.rcdetect.testing.Processes.linux;
import static io.github.rcdetect.testing.Processes.sysmon;
import static io.github.rcdetect.testing.Processes.windows;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.domain.RunCommandAction;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R1's two conditions, docs/spec.md, section 4: Run Command records and guest processes. */
class RuleConditionsTest {
    private static final String SCRIPT = "powershell  -ExecutionPolicy Unrestricted -File script7.ps1";
    private static final String WAAGENT = "/var/lib/waagent/run-command/download/3/script.sh";

    private static ActivityEvent record(String action, String outcome, String host) {
        ActivityEvent event = new ActivityEvent();
        event.action = action;
        event.outcome = outcome;
        event.hostKey = host;
        return event;
    }

    @ParameterizedTest
    @CsvSource(
            value = {
                "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION,,true",
                "Microsoft.Compute/virtualMachines/runCommand/action,success,true",
                "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION,failure,false",
                "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION,Failure,false",
                "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMANDS/WRITE,,false",
                "MICROSOFT.COMPUTE/VIRTUALMACHINES/DEALLOCATE/ACTION,success,false",
            })
    void runCommandRecordsThatDidNotFail(String action, String outcome, boolean matches) {
        assertThat(RunCommandRecords.matches(record(action, outcome, "vm1"))).isEqualTo(matches);
    }

    @Test
    void runCommandRecordsNeedAHost() {
        assertThat(RunCommandRecords.matches(record(RunCommandAction.VIRTUAL_MACHINE.operationName(), null, null)))
                .isFalse();
        assertThat(RunCommandRecords.matches(record(null, null, "vm1"))).isFalse();
    }

    @Test
    void windowsChildIsADefendStartOrSysmonEventOne() {
        assertThat(GuestProcesses.matches(windows("powershell.exe", SCRIPT))).isTrue();
        assertThat(GuestProcesses.matches(windows("PowerShell.exe", SCRIPT.toUpperCase())))
                .isTrue();
        assertThat(GuestProcesses.matches(sysmon("powershell.exe", SCRIPT))).isTrue();
        ProcessEvent end = windows("powershell.exe", SCRIPT);
        end.eventAction = "end";
        assertThat(GuestProcesses.matches(end)).isFalse();
        assertThat(GuestProcesses.matches(windows("powershell.exe", "powershell -File script7.ps1")))
                .isFalse();
        assertThat(GuestProcesses.matches(windows("cmd.exe", SCRIPT))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"conhost.exe", "CONHOST.EXE", "Conhost.exe"})
    void consoleHostIsNoGuestProcess(String name) {
        ProcessEvent conhost = windows("powershell.exe", SCRIPT);
        conhost.name = name;
        assertThat(GuestProcesses.matches(conhost)).isFalse();
        ProcessEvent sysmonConhost = sysmon("powershell.exe", SCRIPT);
        sysmonConhost.name = name;
        assertThat(GuestProcesses.matches(sysmonConhost)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash", "sh"})
    void linuxChildIsAnExecUnderDashBashOrSh(String shell) {
        assertThat(GuestProcesses.matches(linux("exec", shell, shell, WAAGENT))).isTrue();
    }

    @Test
    void linuxForkOrOtherShellsAreNoGuestProcess() {
        assertThat(GuestProcesses.matches(linux("fork", "bash", "bash", WAAGENT)))
                .isFalse();
        assertThat(GuestProcesses.matches(linux("start", "bash", "bash", WAAGENT)))
                .isFalse();
        assertThat(GuestProcesses.matches(linux("exec", "zsh", "zsh", WAAGENT))).isFalse();
        assertThat(GuestProcesses.matches(linux("exec", "Bash", "Bash", WAAGENT)))
                .isFalse();
        assertThat(GuestProcesses.matches(linux("exec", "bash", "bash", "/tmp/script.sh")))
                .isFalse();
    }

    @Test
    void guestProcessesNeedAHost() {
        ProcessEvent event = linux("exec", "bash", "bash", WAAGENT);
        event.hostKey = null;
        assertThat(GuestProcesses.matches(event)).isFalse();
    }
}
