package io.github.rcdetect.rules.r1;

import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.RunCommandChildren;

import java.util.Set;

/** R1's process-side condition: a guest process a Run Command script started (SPEC section 4). */
public final class GuestProcesses {
    static final Set<String> SHELLS = Set.of("dash", "bash", "sh");
    private static final String CONSOLE_HOST = "conhost.exe";

    private GuestProcesses() {}

    public static boolean matches(ProcessEvent event) {
        return event.hostKey != null && (isWindowsScriptChild(event) || isLinuxScriptChild(event));
    }

    /** Defend start or Sysmon event 1 under the script's PowerShell, except the console host it always spawns. */
    static boolean isWindowsScriptChild(ProcessEvent event) {
        return ("start".equals(event.eventAction) || RunCommandChildren.isSysmonProcessCreate(event))
                && RunCommandChildren.hasWindowsScriptParent(event)
                && !CONSOLE_HOST.equalsIgnoreCase(event.name);
    }

    /** Defend exec (not fork) under dash, bash or sh running the waagent script. */
    static boolean isLinuxScriptChild(ProcessEvent event) {
        return "exec".equals(event.eventAction) && RunCommandChildren.hasLinuxScriptParent(event, SHELLS);
    }
}
