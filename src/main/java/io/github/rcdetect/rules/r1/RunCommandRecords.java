package io.github.rcdetect.rules.r1;

import io.github.rcdetect.domain.RunCommandAction;
import io.github.rcdetect.event.ActivityEvent;

/**
 * R1's activity-side condition: a Run Command record, on a VM or a scale-set instance, that did not fail (docs/spec.md,
 * "R1" and section 10).
 */
final class RunCommandRecords {
    private RunCommandRecords() {}

    /** A record without an outcome (the Start and Accept records) counts; so does success. */
    static boolean matches(ActivityEvent event) {
        return event.hostKey != null
                && RunCommandAction.isOfFamily(event.action, RunCommandAction.Family.ACTION)
                && !"failure".equalsIgnoreCase(event.outcome);
    }
}
