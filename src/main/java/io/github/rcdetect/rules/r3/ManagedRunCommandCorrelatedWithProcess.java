package io.github.rcdetect.rules.r3;

import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.detection.Threat;
import io.github.rcdetect.domain.ProcessStarts;
import io.github.rcdetect.domain.RunCommandAction;
import io.github.rcdetect.domain.ScriptHosts;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.correlation.CorrelationRule;

/**
 * R3, Azure managed Run Command correlated with process execution: a managed run command written to a VM or scale-set
 * instance, with the processes the RunCommandHandler's script started within 120 s; R1's invocation semantics, one
 * detection per invocation (docs/spec.md, section 10). No Elastic rule correlates managed Run Command at all.
 */
public final class ManagedRunCommandCorrelatedWithProcess extends CorrelationRule<Invocation, HostEvent> {
    private static final RuleMetadata METADATA = RuleMetadata.medium(
            "R3",
            "Azure Managed Run Command Correlated with Process Execution",
            "9dbcc508-a874-42e6-a7e3-1cc40020769d",
            Threat.execution());

    public ManagedRunCommandCorrelatedWithProcess() {
        super(
                METADATA,
                ManagedRunCommandCorrelatedWithProcess::isManagedRunCommand,
                ManagedRunCommandCorrelatedWithProcess::isHandlerScriptChild,
                Invocation.class,
                HostEvent.class);
    }

    /** A managed run command written on a VM or scale-set instance that did not fail (no outcome counts). */
    static boolean isManagedRunCommand(ActivityEvent record) {
        return record.hostKey != null
                && RunCommandAction.isOfFamily(record.action, RunCommandAction.Family.MANAGED)
                && !"failure".equalsIgnoreCase(record.outcome);
    }

    /** R4's condition: a process start under a script host of the managed handler. */
    static boolean isHandlerScriptChild(ProcessEvent event) {
        return event.hostKey != null
                && ProcessStarts.isProcessStart(event.eventType, event.eventCode, event.eventCategory)
                && ScriptHosts.isManagedScriptParent(event.parentName, event.parentArgs, event.parentCommandLine);
    }
}
