package io.github.rcdetect.domain;

/**
 * The Activity Log operations ({@code event.action}, raw {@code operationName}) that run a command on a virtual
 * machine, compared case-insensitively as Azure writes them in either case (docs/spec.md, section 10).
 */
public enum RunCommandAction {
    /** Run Command on a VM, through the VM agent's Run Command extension. */
    VIRTUAL_MACHINE("MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION", Family.ACTION),
    /** Run Command on an instance of a scale set. */
    SCALE_SET_INSTANCE("MICROSOFT.COMPUTE/VIRTUALMACHINESCALESETS/VIRTUALMACHINES/RUNCOMMAND/ACTION", Family.ACTION),
    /** A managed run command created or updated on a VM: its script runs through the RunCommandHandler extension. */
    MANAGED_ON_VIRTUAL_MACHINE("MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMANDS/WRITE", Family.MANAGED),
    /** A managed run command created or updated on an instance of a scale set. */
    MANAGED_ON_SCALE_SET_INSTANCE(
            "MICROSOFT.COMPUTE/VIRTUALMACHINESCALESETS/VIRTUALMACHINES/RUNCOMMANDS/WRITE", Family.MANAGED);

    /** The two ways Azure runs a command on a machine; each has its own guest-side handler. */
    public enum Family {
        /** The action-based Run Command (v1): the Run Command extension, {@code script<N>.ps1}, waagent's download path. */
        ACTION,
        /** Managed Run Command (v2): the RunCommandHandler extension and its download paths. */
        MANAGED
    }

    private static final RunCommandAction[] VALUES = values();

    private final String operationName;
    private final Family family;

    RunCommandAction(String operationName, Family family) {
        this.operationName = operationName;
        this.family = family;
    }

    /** The operation name in the upper case the Activity Log uses. */
    public String operationName() {
        return operationName;
    }

    public Family family() {
        return family;
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

    /** Whether an {@code event.action} value runs a command of this family. */
    public static boolean isOfFamily(String action, Family family) {
        RunCommandAction known = of(action);
        return known != null && known.family == family;
    }
}
