package io.github.rcdetect.event;

/** The input streams of the job. */
public enum EventStream {
    /** Azure Activity Log records: the control plane. */
    ACTIVITY("activity"),
    /** Endpoint process-start events: what ran on the guest. */
    PROCESS("process"),
    /** The host inventory's updates: Azure resources and the computer names of their guests. */
    INVENTORY("inventory"),
    /** Exception items as Kibana exports them, keyed by item id: the exceptions topic of a stream. */
    EXCEPTIONS("exceptions"),
    /** Value lists the exception items name, keyed by list id: the value-lists topic of a stream. */
    VALUE_LISTS("value-lists");

    private final String id;

    EventStream(String id) {
        this.id = id;
    }

    /** The lower-case name used in output documents, metrics and command-line options. */
    public String id() {
        return id;
    }
}
