package io.github.rcdetect.domain;

/** How a process event's machine was found (the alert's {@code azure_runcommand.host_match}). */
public enum HostMatch {
    /** The guest's host name, without domain suffix, is the machine's resource name. */
    HOST_NAME("host_name"),
    /** Elastic Agent's cloud metadata names the machine ({@code cloud.instance.name}). */
    CLOUD_INSTANCE_NAME("cloud_instance_name"),
    /** The host inventory names the machine whose computer name the guest has. */
    INVENTORY("inventory");

    private final String id;

    HostMatch(String id) {
        this.id = id;
    }

    /** The value in alerts. */
    public String id() {
        return id;
    }
}
