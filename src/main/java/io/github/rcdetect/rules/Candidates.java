package io.github.rcdetect.rules;

import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.r1.RunCommandRecords;
import io.github.rcdetect.rules.r2.ScriptChildProcess;

/**
 * What any rule may use, decided from a field or two so the parser can tell noise before it reads the rest: a
 * condition every rule's own condition implies. R1's activity side wants the Run Command action; every process
 * condition of R1 and R2 starts with the parent-name part of {@link RunCommandChildren}'s script-parent conditions
 * (R2's shells include R1's).
 */
public final class Candidates {
    private Candidates() {}

    /** The Run Command action, whatever the outcome or host: R1 decides the rest. */
    public static boolean mayMatch(ActivityEvent event) {
        return RunCommandRecords.RUN_COMMAND_ACTION.equalsIgnoreCase(event.action);
    }

    /** A parent named like the agent's PowerShell or one of the shells R2 accepts: R1 and R2 decide the rest. */
    public static boolean mayMatch(ProcessEvent event) {
        return RunCommandChildren.isWindowsScriptHost(event.parentName)
                || RunCommandChildren.isShell(event.parentName, ScriptChildProcess.SHELLS);
    }
}
