package io.github.rcdetect.rules.r1;

import io.github.rcdetect.domain.ProcessStarts;
import io.github.rcdetect.domain.ScriptHosts;
import io.github.rcdetect.event.ProcessEvent;

/** R1's process-side condition: a guest process a Run Command script started (docs/spec.md, "R1"). */
final class GuestProcesses {
    private GuestProcesses() {}

    static boolean matches(ProcessEvent event) {
        return event.hostKey != null && (isWindowsScriptChild(event) || isLinuxScriptChild(event));
    }

    /** Defend start or Sysmon event 1 under the script's PowerShell, except the console host it always spawns. */
    static boolean isWindowsScriptChild(ProcessEvent event) {
        return ("start".equals(event.eventAction)
                        || ProcessStarts.isSysmonProcessCreate(event.eventCode, event.eventCategory))
                && ScriptHosts.isWindowsScriptParent(event.parentName, event.parentCommandLine)
                && !ScriptHosts.CONSOLE_HOST.equalsIgnoreCase(event.name);
    }

    /** Defend exec (not fork) under dash, bash or sh running the waagent script. */
    static boolean isLinuxScriptChild(ProcessEvent event) {
        return "exec".equals(event.eventAction)
                && ScriptHosts.isLinuxScriptParent(event.parentName, event.parentArgs, ScriptHosts.CORRELATED_SHELLS);
    }
}
