package io.github.rcdetect.rules.r2;

import static io.github.rcdetect.testing.Processes.linux;
import static io.github.rcdetect.testing.Processes.sysmon;
import static io.github.rcdetect.testing.Processes.windows;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.event.ProcessEvent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R2's condition, docs/spec.md, section 3, including each documented recall fix over the EQL original. */
class ScriptChildProcessTest {
    private static final String SCRIPT = "powershell -ExecutionPolicy Unrestricted -File script1.ps1";
    private static final String WAAGENT = "/var/lib/waagent/run-command/download/0/script.sh";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "powershell -ExecutionPolicy Unrestricted -File script1.ps1",
                "powershell  -ExecutionPolicy Unrestricted -File script1.ps1",
                "POWERSHELL -executionpolicy UNRESTRICTED -file SCRIPT1.PS1",
                "powershell\t-ExecutionPolicy   Unrestricted\r\n-File script1.ps1",
                " powershell -ExecutionPolicy Unrestricted -File script1.ps1 ",
                "powershell -ExecutionPolicy Unrestricted -File script0.ps1",
                "powershell -ExecutionPolicy Unrestricted -File script10.ps1",
                "powershell -ExecutionPolicy Unrestricted -File script123456.ps1",
            })
    void windowsScriptCommandLinesMatchCaseAndWhitespaceInsensitivelyWithAnyDigits(String commandLine) {
        assertThat(ScriptChildProcess.matches(windows("powershell.exe", commandLine)))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "powershell -ExecutionPolicy Unrestricted -File script.ps1",
                "powershell -ExecutionPolicy Unrestricted -File scriptA.ps1",
                "powershell -ExecutionPolicy Unrestricted -File script\u0661.ps1",
                "powershell -ExecutionPolicy Unrestricted -File script1.ps1x",
                "powershell -ExecutionPolicy Unrestricted -File script1.ps1 -Extra",
                "powershell -ExecutionPolicy Unrestricted -File C:\\temp\\script1.ps1",
                "powershell -ExecutionPolicy Bypass -File script1.ps1",
                "powershell.exe -ExecutionPolicy Unrestricted -File script1.ps1",
                "powershell-ExecutionPolicy Unrestricted -File script1.ps1",
                "",
            })
    void otherCommandLinesDoNotMatch(String commandLine) {
        assertThat(ScriptChildProcess.matches(windows("powershell.exe", commandLine)))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"powershell.exe", "PowerShell.exe", "POWERSHELL.EXE"})
    void windowsParentNameIsCaseInsensitive(String parentName) {
        assertThat(ScriptChildProcess.matches(windows(parentName, SCRIPT))).isTrue();
    }

    @Test
    void windowsParentMustBePowershell() {
        assertThat(ScriptChildProcess.matches(windows("pwsh.exe", SCRIPT))).isFalse();
        assertThat(ScriptChildProcess.matches(windows(null, SCRIPT))).isFalse();
        assertThat(ScriptChildProcess.matches(windows("powershell.exe", null))).isFalse();
    }

    @Test
    void consoleHostIsAnR2HitLikeAnyChild() {
        ProcessEvent conhost = windows("powershell.exe", SCRIPT);
        conhost.name = "conhost.exe";
        assertThat(ScriptChildProcess.matches(conhost)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "dash", "sh", "tcsh", "csh", "zsh", "ksh", "fish", "mksh", "busybox"})
    void everyShellOfTheRuleMatches(String shell) {
        assertThat(ScriptChildProcess.matches(linux("exec", shell, shell, WAAGENT)))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bash", "SH", "python3", "bash.exe", "busybox-static", ""})
    void otherParentsAndOtherCaseDoNotMatchOnLinux(String parent) {
        assertThat(ScriptChildProcess.matches(linux("exec", parent, parent, WAAGENT)))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/var/lib/waagent/run-command/download/0/script.sh",
                "/var/lib/waagent/run-command/download/17/script.sh",
                "/var/lib/waagent/run-command/download/a/b/script.sh",
                "/var/lib/waagent/run-command/download//script.sh",
            })
    void waagentPathWithAnyRunOfCharacters(String path) {
        assertThat(ScriptChildProcess.matches(linux("exec", "sh", "sh", path))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/VAR/LIB/waagent/run-command/download/0/script.sh",
                "/var/lib/waagent/run-command/download/0/script.sh.bak",
                "/var/lib/waagent/run-command/download/0/myscript.sh",
                "/tmp/var/lib/waagent/run-command/download/0/script.sh",
                "/var/lib/waagent/run-command/download/script.sh",
                "/var/lib/waagent/run-command/script.sh",
            })
    void otherPathsDoNotMatch(String path) {
        assertThat(ScriptChildProcess.matches(linux("exec", "sh", "sh", path))).isFalse();
    }

    @Test
    void anyElementOfTheParentArgumentsMayHoldThePath() {
        assertThat(ScriptChildProcess.matches(linux("exec", "bash", WAAGENT))).isTrue();
        assertThat(ScriptChildProcess.matches(linux("exec", "bash", "bash", "-e", WAAGENT, "arg")))
                .isTrue();
        assertThat(ScriptChildProcess.matches(linux("exec", "bash", "bash", "-c", "id")))
                .isFalse();
        assertThat(ScriptChildProcess.matches(linux("exec", "bash"))).isFalse();
        assertThat(ScriptChildProcess.matches(linux("exec", "bash", (String[]) null)))
                .isFalse();
    }

    @Test
    void anyProcessStartCountsOnLinuxForkToo() {
        assertThat(ScriptChildProcess.matches(linux("fork", "bash", "bash", WAAGENT)))
                .isTrue();
    }

    @Test
    void onlyProcessStartsMatch() {
        ProcessEvent end = windows("powershell.exe", SCRIPT);
        end.eventType = new String[] {"end"};
        assertThat(ScriptChildProcess.matches(end)).isFalse();
        end.eventType = null;
        assertThat(ScriptChildProcess.matches(end)).isFalse();
        end.eventType = new String[] {"change", "process_started"};
        assertThat(ScriptChildProcess.matches(end)).isTrue();
        end.eventType = new String[] {"info", "start"};
        assertThat(ScriptChildProcess.matches(end)).isTrue();
    }

    @Test
    void sysmonEventOneIsAProcessStartByCodeAndCategory() {
        assertThat(ScriptChildProcess.matches(sysmon("powershell.exe", SCRIPT))).isTrue();
        ProcessEvent network = sysmon("powershell.exe", SCRIPT);
        network.eventCategory = new String[] {"network"};
        assertThat(ScriptChildProcess.matches(network)).isFalse();
        ProcessEvent otherCode = sysmon("powershell.exe", SCRIPT);
        otherCode.eventCode = "3";
        assertThat(ScriptChildProcess.matches(otherCode)).isFalse();
    }
}
