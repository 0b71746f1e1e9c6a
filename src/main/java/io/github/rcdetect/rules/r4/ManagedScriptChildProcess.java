package io.github.rcdetect.rules.r4;

import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.detection.Threat;
import io.github.rcdetect.domain.ProcessStarts;
import io.github.rcdetect.domain.ScriptHosts;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.childprocess.ChildProcessRule;

/**
 * R4, Azure managed Run Command script child process: any process start whose parent runs a script of the
 * RunCommandHandler extension (docs/spec.md, section 10); one detection per process. Elastic's R2 looks only at the v1
 * extension's paths, so managed Run Command evades it.
 */
public final class ManagedScriptChildProcess extends ChildProcessRule {
    private static final RuleMetadata METADATA = RuleMetadata.medium(
            "R4",
            "Azure Managed Run Command Script Child Process",
            "7f85d109-8d3a-4647-b0ca-f5f6ace00d68",
            Threat.execution("T1059.001", "T1059.004"));

    public ManagedScriptChildProcess() {
        super(METADATA, "managed script child process", ManagedScriptChildProcess::matches);
    }

    /** A process start under a shell or PowerShell running a script of the managed handler. */
    static boolean matches(ProcessEvent event) {
        return ProcessStarts.isProcessStart(event.eventType, event.eventCode, event.eventCategory)
                && ScriptHosts.isManagedScriptParent(event.parentName, event.parentArgs, event.parentCommandLine);
    }
}
