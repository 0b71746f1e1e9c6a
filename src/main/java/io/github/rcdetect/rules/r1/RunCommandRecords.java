package io.github.rcdetect.rules.r1;

import io.github.rcdetect.event.ActivityEvent;

/** R1's activity-side condition: a Run Command record that did not fail (SPEC section 4). */
public final class RunCommandRecords {
    public static final String RUN_COMMAND_ACTION = "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION";

    private RunCommandRecords() {}

    /** A record without an outcome (the Start and Accept records) counts; so does success. */
    public static boolean matches(ActivityEvent event) {
        return event.hostKey != null
                && RUN_COMMAND_ACTION.equalsIgnoreCase(event.action)
                && !"failure".equalsIgnoreCase(event.outcome);
    }
}
