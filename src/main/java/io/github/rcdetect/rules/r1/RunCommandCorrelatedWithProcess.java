package io.github.rcdetect.rules.r1;

import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.detection.Threat;
import io.github.rcdetect.rules.correlation.CorrelationRule;

/**
 * R1, Azure Run Command correlated with process execution: each Run Command invocation with the guest processes its
 * script started within 120 s, one detection per invocation (docs/spec.md, "R1").
 */
public final class RunCommandCorrelatedWithProcess extends CorrelationRule<Invocation, HostEvent> {
    private static final RuleMetadata METADATA = RuleMetadata.medium(
            "R1",
            "Azure Run Command Correlated with Process Execution",
            "ebbc1959-3309-4abf-b6cb-2bee3dbc9a7b",
            Threat.execution());

    public RunCommandCorrelatedWithProcess() {
        super(METADATA, RunCommandRecords::matches, GuestProcesses::matches, Invocation.class, HostEvent.class);
    }
}
