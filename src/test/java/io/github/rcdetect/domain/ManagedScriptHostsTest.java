package io.github.rcdetect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R4's parent condition (docs/spec.md, section 10), with its near misses. */
class ManagedScriptHostsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/var/lib/waagent/run-command-handler/download/rc1/0/script.sh",
                "/var/lib/waagent/run-command-handler/download/rc1/3/stage.sh arg1 arg2",
                "/var/lib/waagent/run-command-handler/immediateDownload/rc1/0/script.sh",
                "/home/alice/waagent/run-command-handler-runas/download/rc1/0/script.sh",
                "/home/alice/waagent/run-command-handler-runas/immediateDownload/rc1/0/script.sh",
            })
    void aShellOnAHandlerScriptIsAManagedScriptHost(String argument) {
        assertThat(ScriptHosts.isManagedScriptParent("bash", new String[] {"/bin/bash", argument}, null))
                .isTrue();
        assertThat(ScriptHosts.isManagedScriptParent("dash", new String[] {"/bin/sh", "-c", argument}, null))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // The v1 extension's path is R2's, not R4's.
                "/var/lib/waagent/run-command/download/0/script.sh",
                // The handler's folder only further in.
                "/tmp/x/var/lib/waagent/run-command-handler/download/rc1/0/script.sh",
                "cd /var/lib/waagent/run-command-handler/download/rc1/0 && ./script.sh",
                // The handler's own folders that hold no scripts, and a RunAs path without a user.
                "/var/lib/waagent/run-command-handler/status/rc1.status",
                "/home//waagent/run-command-handler-runas/download/rc1/0/script.sh",
                "/home/alice/run-command-handler-runas/download/rc1/0/script.sh",
            })
    void nearMissesAreNot(String argument) {
        assertThat(ScriptHosts.isManagedScriptParent("bash", new String[] {"/bin/bash", argument}, null))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3", "Bash", "sudo"})
    void onlyTheListedShellsCount(String parent) {
        assertThat(ScriptHosts.isManagedScriptParent(
                        parent, new String[] {"/var/lib/waagent/run-command-handler/download/rc1/0/script.sh"}, null))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "powershell.exe -ExecutionPolicy Unrestricted -File"
                        + " C:\\Packages\\Plugins\\Microsoft.CPlat.Core.RunCommandHandlerWindows\\2.0.14\\Downloads\\rc1-0.ps1",
                "\"C:\\WINDOWS\\system32\\WindowsPowerShell\\v1.0\\powershell.exe\" -File"
                        + " c:\\packages\\plugins\\microsoft.cplat.core.runcommandhandlerwindows\\2.0.9\\downloads\\script0.ps1",
            })
    void powerShellOnAFileOfTheWindowsHandlerIsAManagedScriptHost(String commandLine) {
        assertThat(ScriptHosts.isManagedScriptParent("powershell.exe", null, commandLine))
                .isTrue();
        assertThat(ScriptHosts.isManagedScriptParent("PowerShell.EXE", null, commandLine))
                .isTrue();
        assertThat(ScriptHosts.isManagedScriptParent("pwsh.exe", null, commandLine))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "powershell -ExecutionPolicy Unrestricted -File script0.ps1",
                "powershell.exe -File C:\\Packages\\Plugins\\Microsoft.CPlat.Core.RunCommandWindows\\1.1.0\\script0.ps1",
            })
    void theV1ExtensionsPowerShellIsNot(String commandLine) {
        assertThat(ScriptHosts.isManagedScriptParent("powershell.exe", null, commandLine))
                .isFalse();
    }
}
