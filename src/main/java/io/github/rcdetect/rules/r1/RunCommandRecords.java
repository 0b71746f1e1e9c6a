package io.github.rcdetect.rules.r1;

import io.github.rcdetect.domain.RunCommandAction;
import io.github.rcdetect.event.ActivityEvent;

/** R1's activity-side condition: a Run Command record that did not fail (docs/spec.md, "R1"). */
final class RunCommandRecords {
    private RunCommandRecords() {}

    /** A record without an outcome (the Start and Accept records) counts; so does success. */
    static boolean matches(ActivityEvent event) {
        return event.hostKey != null
                && RunCommandAction.of(event.action) == RunCommandAction.VIRTUAL_MACHINE
                && !"failure".equalsIgnoreCase(event.outcome);
    }
}
