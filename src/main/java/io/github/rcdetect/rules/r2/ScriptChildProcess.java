package io.github.rcdetect.rules.r2;

import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.detection.Threat;
import io.github.rcdetect.domain.ProcessStarts;
import io.github.rcdetect.domain.ScriptHosts;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.Rule;
import io.github.rcdetect.rules.RuleInputs;
import io.github.rcdetect.rules.RuleOutput;
import io.github.rcdetect.rules.childprocess.ChildProcessDetection;

/**
 * R2, Azure Run Command script child process: any process start whose parent is a Run Command script host
 * (docs/spec.md, "R2"); one detection per process.
 */
public final class ScriptChildProcess implements Rule {
    private static final RuleMetadata METADATA = RuleMetadata.medium(
            "R2",
            "Azure Run Command Script Child Process",
            "cb9554e8-9f31-41a8-b4f5-d82144e6dc33",
            Threat.execution("T1059.001", "T1059.004"));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public boolean readsActivity(ActivityEvent record) {
        return false;
    }

    @Override
    public boolean readsProcess(ProcessEvent event) {
        return matches(event);
    }

    @Override
    public RuleOutput detect(RuleInputs inputs) {
        return ChildProcessDetection.apply(
                inputs.processes(), METADATA.id(), "script child process", ScriptChildProcess::matches);
    }

    /** A process start under the agent's PowerShell running a script, or under a shell on the waagent path. */
    static boolean matches(ProcessEvent event) {
        return ProcessStarts.isProcessStart(event.eventType, event.eventCode, event.eventCategory)
                && (ScriptHosts.isWindowsScriptParent(event.parentName, event.parentCommandLine)
                        || ScriptHosts.isLinuxScriptParent(event.parentName, event.parentArgs, ScriptHosts.SHELLS));
    }
}
