package io.github.rcdetect.parse;

import io.github.rcdetect.domain.AzureMachine;
import io.github.rcdetect.domain.Candidates;
import io.github.rcdetect.domain.ResourceIds;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.Origin;

/**
 * Azure Activity Log records, as ECS documents of the Elastic Azure integration (nested, dotted or mixed) or as raw
 * Activity Log records from Azure Monitor diagnostic settings; raw fields are mapped to the integration's ECS names.
 */
final class ActivityRecordParser extends JsonRecordParser {

    /**
     * Wanted fields: the ECS name first, then the raw Activity Log field it is mapped from. Always read: the time and
     * the action (whether a rule can use the record).
     */
    enum Field implements FieldPath {
        TIMESTAMP("@timestamp", Reading.ALWAYS),
        TIME("time", Reading.ALWAYS),
        EVENT_ID("event.id", Reading.LAZILY),
        EVENT_ACTION("event.action", Reading.ALWAYS),
        OPERATION_NAME("operationName", Reading.ALWAYS),
        ECS_OPERATION_NAME("azure.activitylogs.operation_name", Reading.ALWAYS),
        EVENT_OUTCOME("event.outcome", Reading.LAZILY),
        RESULT_TYPE("resultType", Reading.LAZILY),
        ECS_RESULT_TYPE("azure.activitylogs.result_type", Reading.LAZILY),
        RESOURCE_NAME("azure.resource.name", Reading.LAZILY),
        RESOURCE_ID("azure.resource.id", Reading.LAZILY),
        RAW_RESOURCE_ID("resourceId", Reading.LAZILY),
        SUBSCRIPTION_ID("azure.subscription_id", Reading.LAZILY),
        CORRELATION_ID("azure.correlation_id", Reading.LAZILY),
        RAW_CORRELATION_ID("correlationId", Reading.LAZILY),
        SOURCE_IP("source.ip", Reading.LAZILY),
        CALLER_IP("callerIpAddress", Reading.LAZILY),
        SOURCE_AS_NUMBER("source.as.number", Reading.LAZILY_AS_INTEGER),
        SOURCE_COUNTRY("source.geo.country_name", Reading.LAZILY),
        TENANT_ID("azure.activitylogs.tenant_id", Reading.LAZILY),
        AZURE_TENANT_ID("azure.tenant_id", Reading.LAZILY),
        RAW_TENANT_ID("tenantId", Reading.LAZILY),
        PRINCIPAL_ID("azure.activitylogs.identity.authorization.evidence.principal_id", Reading.LAZILY),
        RAW_PRINCIPAL_ID("identity.authorization.evidence.principalId", Reading.LAZILY),
        USER_EMAIL("user.email", Reading.LAZILY),
        RAW_NAME_CLAIM("identity.claims.http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", Reading.LAZILY),
        RAW_UPN_CLAIM("identity.claims.http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", Reading.LAZILY),
        // The integration stores claims with the dots of their keys replaced by underscores.
        NAME_CLAIM(
                "azure.activitylogs.identity.claims.http://schemas_xmlsoap_org/ws/2005/05/identity/claims/name",
                Reading.LAZILY),
        UPN_CLAIM(
                "azure.activitylogs.identity.claims.http://schemas_xmlsoap_org/ws/2005/05/identity/claims/upn",
                Reading.LAZILY);

        private final String path;
        private final Reading reading;

        Field(String path, Reading reading) {
            this.path = path;
            this.reading = reading;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public Reading reading() {
            return reading;
        }
    }

    ActivityRecordParser(ParserLimits limits, boolean forDetection) {
        super(Field.values(), limits, forDetection);
    }

    @Override
    boolean mayMatch(InputRecord event) {
        return Candidates.mayBeRunCommandRecord(event.activity.action);
    }

    @Override
    InputRecord toRecord(CapturedRecord record, Origin origin) throws InvalidRecordException {
        ActivityEvent event = new ActivityEvent();
        event.timestamp = eventTime(record, Field.TIMESTAMP, Field.TIME);
        event.eventId = record.string(Field.EVENT_ID);
        event.action = firstNonNull(
                record.string(Field.EVENT_ACTION),
                firstNonNull(record.string(Field.OPERATION_NAME), record.string(Field.ECS_OPERATION_NAME)));
        event.outcome = outcome(record);

        String resourceId = firstNonNull(record.string(Field.RESOURCE_ID), record.string(Field.RAW_RESOURCE_ID));
        AzureMachine machine = resourceId != null
                ? ResourceIds.machine(resourceId)
                : ResourceIds.machineOfResourceName(record.string(Field.RESOURCE_NAME));
        if (machine != null) {
            event.hostKey = machine.key();
            event.machineName = machine.name();
            event.resourceId = machine.resourceId();
        }
        event.subscriptionId = record.string(Field.SUBSCRIPTION_ID);
        if (event.subscriptionId == null && resourceId != null) {
            event.subscriptionId = ResourceIds.subscriptionId(resourceId);
        }
        event.correlationId =
                firstNonNull(record.string(Field.CORRELATION_ID), record.string(Field.RAW_CORRELATION_ID));
        event.sourceIp = firstNonNull(record.string(Field.SOURCE_IP), record.string(Field.CALLER_IP));
        event.sourceAsNumber = record.integer(Field.SOURCE_AS_NUMBER);
        event.sourceGeoCountryName = record.string(Field.SOURCE_COUNTRY);
        event.tenantId = firstNonNull(
                record.string(Field.TENANT_ID),
                firstNonNull(record.string(Field.AZURE_TENANT_ID), record.string(Field.RAW_TENANT_ID)));
        event.principalId = firstNonNull(record.string(Field.PRINCIPAL_ID), record.string(Field.RAW_PRINCIPAL_ID));
        event.userEmail = record.string(Field.USER_EMAIL);
        if (event.userEmail == null) {
            event.userEmail = CallerClaims.userEmail(
                    firstNonNull(record.string(Field.NAME_CLAIM), record.string(Field.RAW_NAME_CLAIM)),
                    firstNonNull(record.string(Field.UPN_CLAIM), record.string(Field.RAW_UPN_CLAIM)));
        }
        event.origin = origin;
        return InputRecord.of(event);
    }

    /** {@code event.outcome}, else the lower-cased result type when it is Success or Failure. */
    private static String outcome(CapturedRecord record) throws InvalidRecordException {
        String outcome = record.string(Field.EVENT_OUTCOME);
        if (outcome != null) {
            return lowerCase(outcome);
        }
        String resultType = firstNonNull(record.string(Field.RESULT_TYPE), record.string(Field.ECS_RESULT_TYPE));
        if ("success".equalsIgnoreCase(resultType) || "failure".equalsIgnoreCase(resultType)) {
            return lowerCase(resultType);
        }
        return null;
    }
}
