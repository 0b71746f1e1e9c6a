package io.github.rcdetect.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What an Azure resource id ({@code /subscriptions/S/resourceGroups/G/providers/Microsoft.Compute/virtualMachines/VM})
 * names (docs/spec.md, section 9). Resource types compare case-insensitively, as Azure writes them in either case.
 * Plain loops rather than regular expressions: ids are attacker-supplied and may be as long as the string limit.
 */
public final class ResourceIds {
    private static final String VIRTUAL_MACHINES = "virtualMachines";
    private static final String SCALE_SETS = "virtualMachineScaleSets";

    private ResourceIds() {}

    /**
     * The machine of a resource id: {@code .../virtualMachines/<vm>[/...]} is the VM {@code <vm>};
     * {@code .../virtualMachineScaleSets/<ss>/virtualMachines/<id>[/...]} the scale-set instance {@code <ss>_<id>}
     * (anything after, such as {@code /runCommands/<name>}, names a child of the machine). Any other id names no
     * machine: its last segment stands for it, with no resource id.
     */
    public static AzureMachine machine(String resourceId) {
        List<String> segments = segments(resourceId);
        int types = typesStart(segments);
        if (types >= 0 && types + 1 < segments.size()) {
            String type = segments.get(types);
            if (type.equalsIgnoreCase(VIRTUAL_MACHINES)) {
                return new AzureMachine(segments.get(types + 1), prefix(resourceId, types + 2));
            }
            if (type.equalsIgnoreCase(SCALE_SETS)
                    && types + 3 < segments.size()
                    && segments.get(types + 2).equalsIgnoreCase(VIRTUAL_MACHINES)) {
                return new AzureMachine(
                        segments.get(types + 1) + "_" + segments.get(types + 3), prefix(resourceId, types + 4));
            }
        }
        return segments.isEmpty() ? null : new AzureMachine(segments.get(segments.size() - 1), null);
    }

    /**
     * Where the type/name pairs of a resource id begin: after {@code providers/<namespace>}, {@code providers} being a
     * segment at an even position (so a resource group named {@code providers} is not taken for it). An id cut short
     * before its provider ({@code .../virtualMachines/VM}) is read from its first machine type on; -1 for none.
     */
    private static int typesStart(List<String> segments) {
        for (int i = 0; i + 1 < segments.size(); i += 2) {
            if (segments.get(i).equalsIgnoreCase("providers")) {
                return i + 2;
            }
        }
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).equalsIgnoreCase(VIRTUAL_MACHINES)
                    || segments.get(i).equalsIgnoreCase(SCALE_SETS)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The machine of an {@code azure.resource.name} as the Elastic integration leaves it, everything after the
     * resource type: {@code VM}, {@code VM/RUNCOMMANDS/RC1}, {@code SS/VIRTUALMACHINES/3[/RUNCOMMANDS/RC1]}.
     */
    public static AzureMachine machineOfResourceName(String resourceName) {
        List<String> segments = segments(resourceName);
        if (segments.isEmpty()) {
            return null;
        }
        if (segments.size() >= 3 && segments.get(1).equalsIgnoreCase(VIRTUAL_MACHINES)) {
            return new AzureMachine(segments.get(0) + "_" + segments.get(2), null);
        }
        return new AzureMachine(segments.get(0), null);
    }

    /** The name of the scale set an id names itself ({@code .../virtualMachineScaleSets/<ss>}, nothing after), or null. */
    public static String scaleSetName(String resourceId) {
        List<String> segments = segments(resourceId);
        int types = typesStart(segments);
        return types >= 0 && types + 2 == segments.size() && segments.get(types).equalsIgnoreCase(SCALE_SETS)
                ? segments.get(types + 1)
                : null;
    }

    /** Whether the machine an id names is an instance of a scale set ({@code .../virtualMachineScaleSets/<ss>/virtualMachines/<id>}). */
    public static boolean isScaleSetInstance(String resourceId) {
        List<String> segments = segments(resourceId);
        int types = typesStart(segments);
        return types >= 0
                && types + 3 < segments.size()
                && segments.get(types).equalsIgnoreCase(SCALE_SETS)
                && segments.get(types + 2).equalsIgnoreCase(VIRTUAL_MACHINES);
    }

    /** The subscription id of a resource id ({@code /subscriptions/ID/...}), or null. */
    public static String subscriptionId(String resourceId) {
        List<String> segments = segments(resourceId);
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (segments.get(i).equalsIgnoreCase("subscriptions")) {
                return segments.get(i + 1);
            }
        }
        return null;
    }

    /** The id of a scale set's instance: the scale set's id, {@code /virtualMachines/}, the instance id. */
    public static String scaleSetInstanceId(String scaleSetId, long instanceId) {
        String id = scaleSetId.endsWith("/") ? scaleSetId.substring(0, scaleSetId.length() - 1) : scaleSetId;
        return id + "/virtualMachines/" + instanceId;
    }

    /** The resource id up to and including its {@code count}-th non-empty segment. */
    private static String prefix(String resourceId, int count) {
        int seen = 0;
        int i = 0;
        while (i < resourceId.length()) {
            while (i < resourceId.length() && resourceId.charAt(i) == '/') {
                i++;
            }
            int end = resourceId.indexOf('/', i);
            end = end < 0 ? resourceId.length() : end;
            if (end > i && ++seen == count) {
                return resourceId.substring(0, end);
            }
            i = end;
        }
        return resourceId;
    }

    /** The non-empty segments between slashes. */
    static List<String> segments(String resourceId) {
        List<String> segments = new ArrayList<>();
        if (resourceId == null) {
            return segments;
        }
        int start = 0;
        while (start <= resourceId.length()) {
            int slash = resourceId.indexOf('/', start);
            int end = slash < 0 ? resourceId.length() : slash;
            if (end > start) {
                segments.add(resourceId.substring(start, end));
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return segments;
    }
}
