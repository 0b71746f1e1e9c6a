package io.github.rcdetect.domain;

/**
 * The Activity Log operations ({@code event.action}, raw {@code operationName}) that run a command on a virtual
 * machine, compared case-insensitively as Azure writes them in either case.
 */
public enum RunCommandAction {
    /** Run Command on a VM (the action-based Run Command, through the VM agent's Run Command extension). */
    VIRTUAL_MACHINE("MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION");

    private static final RunCommandAction[] VALUES = values();

    private final String operationName;

    RunCommandAction(String operationName) {
        this.operationName = operationName;
    }

    /** The operation name in the upper case the Activity Log uses. */
    public String operationName() {
        return operationName;
    }

    /** The action of an {@code event.action} value, or null when it runs no command. */
    public static RunCommandAction of(String action) {
        for (RunCommandAction candidate : VALUES) {
            if (candidate.operationName.equalsIgnoreCase(action)) {
                return candidate;
            }
        }
        return null;
    }
}
