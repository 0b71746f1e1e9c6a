package io.github.rcdetect.event;

/**
 * One Azure Activity Log record, reduced to what the rules and alerts use. Field names follow the ECS names of the
 * Elastic Azure integration; raw Event Hub records are mapped onto them by the parser.
 */
public class ActivityEvent {
    /** Event time, epoch milliseconds. */
    public long timestamp;
    /** {@code event.action} (raw: {@code operationName}). */
    public String action;
    /** {@code event.outcome}, lower case ({@code success}/{@code failure}), or null when the record has none. */
    public String outcome;
    /**
     * The lower-cased resource name of the machine the record is about (docs/spec.md, section 9): the VM, or the
     * scale-set instance as {@code <scale set>_<instance id>}, from the resource id; the host key.
     */
    public String hostKey;
    /** The machine's resource name as the record spells it. */
    public String machineName;
    /** The machine's resource id (a run command's id without {@code /runCommands/<name>}); null without an id. */
    public String resourceId;

    public String correlationId;
    public String subscriptionId;
    public String tenantId;
    public String principalId;
    public String userEmail;
    public String sourceIp;
    public Long sourceAsNumber;
    public String sourceGeoCountryName;
    /** {@code event.id} of the source document, when it has one. */
    public String eventId;

    public Origin origin;

    public ActivityEvent() {}
}
