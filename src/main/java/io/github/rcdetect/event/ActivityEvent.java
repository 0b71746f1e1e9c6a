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
    /** Lower-cased {@code azure.resource.name}: the host key. */
    public String hostKey;

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
