package io.github.rcdetect.rules.childprocess;

import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.Rule;
import io.github.rcdetect.rules.RuleInputs;
import io.github.rcdetect.rules.RuleOutput;

import org.apache.flink.api.common.functions.FilterFunction;

/**
 * A script-child rule (R2, R4): no Activity Log, one detection per process its condition accepts. A rule of this shape
 * gives its metadata, a few words on what its filter keeps, and the condition.
 */
public abstract class ChildProcessRule implements Rule {
    private final RuleMetadata metadata;
    private final String description;
    private final FilterFunction<ProcessEvent> condition;

    protected ChildProcessRule(RuleMetadata metadata, String description, FilterFunction<ProcessEvent> condition) {
        this.metadata = metadata;
        this.description = description;
        this.condition = condition;
    }

    @Override
    public final RuleMetadata metadata() {
        return metadata;
    }

    @Override
    public final boolean readsActivity(ActivityEvent record) {
        return false;
    }

    @Override
    public final boolean readsProcess(ProcessEvent event) {
        try {
            return condition.filter(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public final RuleOutput detect(RuleInputs inputs) {
        return ChildProcessDetection.apply(inputs.processes(), metadata.id(), description, condition);
    }
}
