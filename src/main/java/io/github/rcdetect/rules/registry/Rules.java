package io.github.rcdetect.rules.registry;

import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.rules.Rule;
import io.github.rcdetect.rules.r1.RunCommandCorrelatedWithProcess;
import io.github.rcdetect.rules.r2.ScriptChildProcess;
import io.github.rcdetect.rules.r3.ManagedRunCommandCorrelatedWithProcess;
import io.github.rcdetect.rules.r4.ManagedScriptChildProcess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry: every rule of the job, in the order summaries, metrics and documentation list them. Adding a rule is
 * writing its package and adding it here. A package of its own, above the rules: they depend on {@code rules}, the
 * registry on them.
 */
public final class Rules {
    public static final List<Rule> ALL = List.of(
            new RunCommandCorrelatedWithProcess(),
            new ScriptChildProcess(),
            new ManagedRunCommandCorrelatedWithProcess(),
            new ManagedScriptChildProcess());

    private Rules() {}

    /** Every rule's metadata by rule id, in registry order. */
    public static Map<String, RuleMetadata> metadata() {
        Map<String, RuleMetadata> metadata = new LinkedHashMap<>();
        for (Rule rule : ALL) {
            metadata.put(rule.metadata().id(), rule.metadata());
        }
        return metadata;
    }

    /** Every rule id, in registry order. */
    public static List<String> ids() {
        return ALL.stream().map(rule -> rule.metadata().id()).toList();
    }
}
