package io.github.rcdetect.rules.r1;

import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.detection.Threat;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.Rule;
import io.github.rcdetect.rules.RuleInputs;
import io.github.rcdetect.rules.RuleOutput;
import io.github.rcdetect.rules.correlation.InvocationCorrelation;

import java.util.List;

/**
 * R1, Azure Run Command correlated with process execution: each Run Command invocation with the guest processes its
 * script started within 120 s, one detection per invocation (docs/spec.md, "R1").
 */
public final class RunCommandCorrelatedWithProcess implements Rule {
    private static final RuleMetadata METADATA = RuleMetadata.medium(
            "R1",
            "Azure Run Command Correlated with Process Execution",
            "ebbc1959-3309-4abf-b6cb-2bee3dbc9a7b",
            Threat.execution());

    private static final InvocationCorrelation.Spec<Invocation, HostEvent> SPEC = new InvocationCorrelation.Spec<>(
            METADATA.id(), RunCommandRecords::matches, GuestProcesses::matches, Invocation.class, HostEvent.class);

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public boolean readsActivity(ActivityEvent record) {
        return RunCommandRecords.matches(record);
    }

    @Override
    public boolean readsProcess(ProcessEvent event) {
        return GuestProcesses.matches(event);
    }

    @Override
    public RuleOutput detect(RuleInputs inputs) {
        return InvocationCorrelation.apply(inputs, SPEC);
    }

    @Override
    public List<Class<?>> stateTypes() {
        return List.of(Invocation.class, HostEvent.class);
    }
}
