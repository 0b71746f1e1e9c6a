package io.github.rcdetect.rules.correlation;

import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.Rule;
import io.github.rcdetect.rules.RuleInputs;
import io.github.rcdetect.rules.RuleOutput;

import org.apache.flink.api.common.functions.FilterFunction;

import java.util.List;

/**
 * A Run Command correlated with process execution (R1, R3): the rule gives its metadata, its two conditions and its
 * own state classes (savepoints name them); the engine, {@link InvocationCorrelation}, does the rest.
 */
public abstract class CorrelationRule<I extends Invocation, E extends CorrelationEvent<I>> implements Rule {
    private final RuleMetadata metadata;
    private final InvocationCorrelation.Spec<I, E> spec;

    protected CorrelationRule(
            RuleMetadata metadata,
            FilterFunction<ActivityEvent> runCommands,
            FilterFunction<ProcessEvent> guestProcesses,
            Class<I> invocationClass,
            Class<E> eventClass) {
        this.metadata = metadata;
        this.spec = new InvocationCorrelation.Spec<>(
                metadata.id(), runCommands, guestProcesses, invocationClass, eventClass);
    }

    @Override
    public final RuleMetadata metadata() {
        return metadata;
    }

    @Override
    public final boolean readsActivity(ActivityEvent record) {
        return holds(spec.runCommands(), record);
    }

    @Override
    public final boolean readsProcess(ProcessEvent event) {
        return holds(spec.guestProcesses(), event);
    }

    @Override
    public final RuleOutput detect(RuleInputs inputs) {
        return InvocationCorrelation.apply(inputs, spec);
    }

    @Override
    public final List<Class<?>> stateTypes() {
        return List.of(spec.invocationClass(), spec.eventClass());
    }

    private static <T> boolean holds(FilterFunction<T> condition, T value) {
        try {
            return condition.filter(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
