package io.github.rcdetect.rules;

import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;

import java.util.List;

/**
 * One detection rule, a plug-in of the pipeline: what it is ({@link #metadata}), which records it reads, and the
 * sub-topology that turns the routed events into its detections. Every rule is a package of its own and one line of
 * {@link Rules}; the pipeline, the counters and the run summary iterate over that list.
 */
public interface Rule {
    RuleMetadata metadata();

    /**
     * Whether the rule reads this Activity Log record (false for every record when it reads none). The candidate
     * prefilter ({@code domain.Candidates}) must hold for every record this accepts; a test holds each rule to it.
     */
    boolean readsActivity(ActivityEvent record);

    /** Whether the rule reads this process event; the prefilter must hold for each one it accepts. */
    boolean readsProcess(ProcessEvent event);

    /** The rule's operators, each with a uid that starts with the rule's id in lower case. */
    RuleOutput detect(RuleInputs inputs);

    /**
     * The classes the rule keeps in state. Savepoints name them, so they keep their names and fields (new fields may
     * be added); each must be a Flink POJO, which a test holds every rule to.
     */
    default List<Class<?>> stateTypes() {
        return List.of();
    }
}
