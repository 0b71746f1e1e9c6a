package io.github.rcdetect.domain;

import java.util.Locale;

/**
 * A machine a Run Command runs on: a VM, or an instance of a scale set.
 *
 * @param name its resource name as the record spells it: the VM's name, or {@code <scale set>_<instance id>} for an
 *     instance (the name Azure gives the instance resource, and what Elastic Agent reports as
 *     {@code cloud.instance.name})
 * @param resourceId the machine's own resource id, as the record wrote it (a run command's id without its
 *     {@code /runCommands/<name>}); null when the machine is known by name only
 */
public record AzureMachine(String name, String resourceId) {
    /** The key records of this machine meet under: its name, lower-cased, as Azure names compare. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
