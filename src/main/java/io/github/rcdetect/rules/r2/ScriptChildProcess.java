package io.github.rcdetect.rules.r2;

import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.detection.Threat;
import io.github.rcdetect.domain.ProcessStarts;
import io.github.rcdetect.domain.ScriptHosts;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.childprocess.ChildProcessRule;

/**
 * R2, Azure Run Command script child process: any process start whose parent is a Run Command script host
 * (docs/spec.md, "R2"); one detection per process.
 */
public final class ScriptChildProcess extends ChildProcessRule {
    private static final RuleMetadata METADATA = RuleMetadata.medium(
            "R2",
            "Azure Run Command Script Child Process",
            "cb9554e8-9f31-41a8-b4f5-d82144e6dc33",
            Threat.execution("T1059.001", "T1059.004"));

    public ScriptChildProcess() {
        super(METADATA, "script child process", ScriptChildProcess::matches);
    }

    /** A process start under the agent's PowerShell running a script, or under a shell on the waagent path. */
    static boolean matches(ProcessEvent event) {
        return ProcessStarts.isProcessStart(event.eventType, event.eventCode, event.eventCategory)
                && (ScriptHosts.isWindowsScriptParent(event.parentName, event.parentCommandLine)
                        || ScriptHosts.isLinuxScriptParent(event.parentName, event.parentArgs, ScriptHosts.SHELLS));
    }
}
