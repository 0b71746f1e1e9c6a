package io.github.rcdetect.reference;

import io.github.rcdetect.testing.records.ActivityDocument;
import io.github.rcdetect.testing.records.TimeFormat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A plain description of what happened: Run Command records, process events and the host inventory, with the strings
 * as a source would write them (host names in any case, command lines with any spacing, resource ids in Azure's
 * spellings). How each is rendered as JSON (shape, time format) is part of the description, so a scenario is the
 * whole input; the reference model reads only what the specification makes relevant.
 */
public record Scenario(
        List<ActivityRecord> activity, List<ProcessRecord> processes, List<InventoryResource> inventory) {
    /** Times are milliseconds after this instant. */
    public static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    /** The subscription of every resource id. */
    public static final String SUBSCRIPTION = ActivityDocument.SUBSCRIPTION;

    /** The operations that run a command on a machine (docs/spec.md, section 10), as the Activity Log writes them. */
    public static final String RUN_COMMAND = "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION";

    public static final String SCALE_SET_RUN_COMMAND =
            "MICROSOFT.COMPUTE/VIRTUALMACHINESCALESETS/VIRTUALMACHINES/RUNCOMMAND/ACTION";
    public static final String MANAGED_RUN_COMMAND = "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMANDS/WRITE";
    public static final String SCALE_SET_MANAGED_RUN_COMMAND =
            "MICROSOFT.COMPUTE/VIRTUALMACHINESCALESETS/VIRTUALMACHINES/RUNCOMMANDS/WRITE";

    /** A scenario without host inventory. */
    public Scenario(List<ActivityRecord> activity, List<ProcessRecord> processes) {
        this(activity, processes, List.of());
    }

    public enum Result {
        START("Start"),
        ACCEPT("Accept"),
        SUCCESS("Success"),
        FAILURE("Failure");

        /** The Activity Log's {@code resultType}. */
        public final String resultType;

        Result(String resultType) {
            this.resultType = resultType;
        }
    }

    /** Raw Azure Monitor record (bare or in an Event Hub batch), or the Elastic integration's ECS, nested or dotted. */
    public enum ActivityShape {
        RAW,
        ECS_NESTED,
        ECS_DOTTED
    }

    /** Elastic Defend (nested or dotted ECS), Sysmon event 1 after the ingest pipeline, or as Winlogbeat ships it. */
    public enum ProcessShape {
        DEFEND,
        DEFEND_DOTTED,
        SYSMON_INGEST,
        SYSMON_WINLOGBEAT
    }

    /**
     * The resource a record names: a VM or an instance of a scale set, a managed run command on either, or (in the
     * inventory) a scale set itself. Azure writes its resource id upper-cased in some records and in ARM's mixed case
     * in others; the Elastic integration leaves everything after the resource type in {@code azure.resource.name}.
     *
     * @param scaleSet the scale set's name; null for a VM
     * @param machine the VM's name, or the instance id; null for the scale set itself
     * @param runCommand a managed run command's name, or null for the machine itself
     * @param group the resource group
     * @param byName the record has no resource id, only {@code azure.resource.name} (the ECS shapes)
     */
    public record Target(String scaleSet, String machine, String runCommand, String group, boolean byName) {
        public static Target vm(String name) {
            return new Target(null, name, null, "prod-rg", false);
        }

        /** The resource id in Azure's upper case or ARM's mixed case; null for a record that names it by name alone. */
        public String resourceId(boolean upperCase) {
            if (byName) {
                return null;
            }
            return upperCase
                    ? "/SUBSCRIPTIONS/" + SUBSCRIPTION + "/RESOURCEGROUPS/" + group.toUpperCase(Locale.ROOT)
                            + "/PROVIDERS/MICROSOFT.COMPUTE/" + path(true)
                    : "/subscriptions/" + SUBSCRIPTION.toLowerCase(Locale.ROOT) + "/resourceGroups/" + group
                            + "/providers/Microsoft.Compute/" + path(false);
        }

        /** What the Elastic integration leaves in {@code azure.resource.name}: all after the first resource type. */
        public String resourceName(boolean upperCase) {
            String path = path(upperCase);
            return path.substring(path.indexOf('/') + 1);
        }

        private String path(boolean upperCase) {
            String path = scaleSet == null
                    ? type("virtualMachines", upperCase) + "/" + machine
                    : type("virtualMachineScaleSets", upperCase) + "/" + scaleSet
                            + (machine == null ? "" : "/" + type("virtualMachines", upperCase) + "/" + machine);
            return runCommand == null ? path : path + "/" + type("runCommands", upperCase) + "/" + runCommand;
        }

        private static String type(String name, boolean upperCase) {
            return upperCase ? name.toUpperCase(Locale.ROOT) : name;
        }

        /** The same resource with its VM's or scale set's name changed. */
        public Target withName(UnaryOperator<String> change) {
            return scaleSet == null
                    ? new Target(null, change.apply(machine), runCommand, group, byName)
                    : new Target(change.apply(scaleSet), machine, runCommand, group, byName);
        }

        @Override
        public String toString() {
            return byName
                    ? "name:" + resourceName(true)
                    : resourceName(false) + (group.equals("prod-rg") ? "" : "@" + group);
        }
    }

    /**
     * One Activity Log record.
     *
     * @param at milliseconds after {@link #T0}
     * @param target the resource it names
     * @param correlationId as written, or null for none
     * @param userEmail the caller, or null when the record does not say
     */
    public record ActivityRecord(
            long at,
            Target target,
            String operation,
            String correlationId,
            Result result,
            String userEmail,
            ActivityShape shape,
            TimeFormat timeFormat) {

        /** The resource id as this record writes it: upper-cased at even milliseconds, ARM's case at odd ones. */
        public String resourceId() {
            return target.resourceId(at % 2 == 0);
        }

        /** {@code azure.resource.name} as this record writes it. */
        public String resourceName() {
            return target.resourceName(target.byName() || at % 2 == 0);
        }

        public ActivityRecord withTarget(Target resource) {
            return new ActivityRecord(at, resource, operation, correlationId, result, userEmail, shape, timeFormat);
        }

        public ActivityRecord withAt(long time) {
            return new ActivityRecord(time, target, operation, correlationId, result, userEmail, shape, timeFormat);
        }

        public ActivityRecord withCaller(String spelling, String email) {
            return new ActivityRecord(at, target, operation, spelling, result, email, shape, timeFormat);
        }

        @Override
        public String toString() {
            return String.format(
                    "activity %+d ms %s op=%s id=%s %s email=%s %s/%s",
                    at, target, operation, correlationId, result, userEmail, shape, timeFormat);
        }
    }

    /**
     * One endpoint process event.
     *
     * @param at milliseconds after {@link #T0}
     * @param host {@code host.name} as written (for Winlogbeat documents without it: {@code winlog.computer_name})
     * @param cloudInstanceName Elastic Agent's {@code cloud.instance.name}, or null for none
     * @param cloudProvider {@code cloud.provider} beside it, or null for none
     * @param action Defend's {@code event.action} (start, exec, fork, end); ignored for Sysmon shapes
     * @param eventType Defend's {@code event.type} values; ignored for Sysmon shapes
     * @param parentArgs {@code process.parent.args}, possibly empty
     */
    public record ProcessRecord(
            long at,
            String host,
            String cloudInstanceName,
            String cloudProvider,
            ProcessShape shape,
            String action,
            List<String> eventType,
            String name,
            String commandLine,
            String parentName,
            String parentCommandLine,
            List<String> parentArgs,
            String entityId,
            long pid,
            TimeFormat timeFormat) {

        /** This event with its host and cloud instance names passed through {@code rename}. */
        public ProcessRecord withNames(UnaryOperator<String> rename) {
            return new ProcessRecord(
                    at,
                    rename.apply(host),
                    cloudInstanceName == null ? null : rename.apply(cloudInstanceName),
                    cloudProvider,
                    shape,
                    action,
                    eventType,
                    name,
                    commandLine,
                    parentName,
                    parentCommandLine,
                    parentArgs,
                    entityId,
                    pid,
                    timeFormat);
        }

        public ProcessRecord withIdentity(String entity, long processId) {
            return new ProcessRecord(
                    at,
                    host,
                    cloudInstanceName,
                    cloudProvider,
                    shape,
                    action,
                    eventType,
                    name,
                    commandLine,
                    parentName,
                    parentCommandLine,
                    parentArgs,
                    entity,
                    processId,
                    timeFormat);
        }

        /** Sysmon has no {@code event.id}; Defend documents carry one. */
        public String eventId() {
            return shape == ProcessShape.DEFEND || shape == ProcessShape.DEFEND_DOTTED ? "ev-" + entityId : null;
        }

        @Override
        public String toString() {
            return String.format(
                    "process %+d ms host=%s%s %s action=%s type=%s name=%s cmd=%s parent=%s parentCmd=%s"
                            + " parentArgs=%s %s/%s",
                    at,
                    host,
                    cloudInstanceName == null ? "" : " cloud=" + cloudInstanceName + "@" + cloudProvider,
                    shape,
                    action,
                    eventType,
                    name,
                    quote(commandLine),
                    parentName,
                    quote(parentCommandLine),
                    parentArgs,
                    entityId,
                    timeFormat);
        }
    }

    /**
     * One resource of the host inventory, in the form Azure Resource Graph or the az CLI returns it (docs/spec.md,
     * section 9): a VM or scale-set VM and its guest's computer name, or a scale set and its computer-name prefix.
     *
     * @param target the resource (no run command, always with its id, in ARM's case)
     * @param computerName {@code osProfile.computerName}, or a scale set's {@code computerNamePrefix}
     * @param resourceGraph in Resource Graph's shape (fields under {@code properties}) rather than the az CLI's
     */
    public record InventoryResource(Target target, String computerName, boolean resourceGraph) {
        public String id() {
            return target.resourceId(false);
        }

        /** Whether it is a scale set (with a computer-name prefix) rather than a machine. */
        public boolean isScaleSet() {
            return target.machine() == null;
        }

        @Override
        public String toString() {
            return "inventory " + target + (isScaleSet() ? " prefix=" : " computer=") + computerName
                    + (resourceGraph ? " (Resource Graph)" : " (az)");
        }
    }

    /**
     * This scenario with every name of a machine passed through {@code rename}: VMs, scale sets, host names, cloud
     * instance names and the inventory's computer names and prefixes.
     */
    public Scenario renameHosts(UnaryOperator<String> rename) {
        List<ActivityRecord> renamedActivity = new ArrayList<>();
        activity.forEach(
                record -> renamedActivity.add(record.withTarget(record.target().withName(rename))));
        List<ProcessRecord> renamedProcesses = new ArrayList<>();
        processes.forEach(process -> renamedProcesses.add(process.withNames(rename)));
        List<InventoryResource> renamedInventory = new ArrayList<>();
        inventory.forEach(resource -> renamedInventory.add(new InventoryResource(
                resource.target().withName(rename), rename.apply(resource.computerName()), resource.resourceGraph())));
        return new Scenario(renamedActivity, renamedProcesses, renamedInventory);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("scenario:");
        activity.forEach(record -> text.append("\n    ").append(record));
        processes.forEach(process -> text.append("\n    ").append(process));
        inventory.forEach(resource -> text.append("\n    ").append(resource));
        return text.toString();
    }

    private static String quote(String text) {
        return text == null ? "null" : "\"" + text.replace("\t", "\\t") + "\"";
    }
}
