package io.github.rcdetect.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.domain.RunAsPasswords;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.Iso8601;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.event.ProcessEvent;

/** Writes the event model back out as ECS fields, and references to source events. */
public final class EcsFields {
    private EcsFields() {}

    /** The process and parent-process fields of a process event. */
    public static void putProcess(EcsDocument doc, ProcessEvent event) {
        doc.put("process.name", event.name)
                .put("process.pid", event.pid)
                .put("process.entity_id", event.entityId)
                .put("process.executable", event.executable)
                .put("process.args", RunAsPasswords.redact(event.args))
                .put("process.command_line", RunAsPasswords.redact(event.commandLine))
                .put("process.parent.name", event.parentName)
                .put("process.parent.pid", event.parentPid)
                .put("process.parent.entity_id", event.parentEntityId)
                .put("process.parent.executable", event.parentExecutable)
                .put("process.parent.args", RunAsPasswords.redact(event.parentArgs))
                .put("process.parent.command_line", RunAsPasswords.redact(event.parentCommandLine));
    }

    /** The Activity Log fields the Elastic R1 rule reports: who asked, from where, in which tenant. */
    public static void putActivity(EcsDocument doc, ActivityEvent event) {
        doc.put("event.action", event.action)
                .put("event.outcome", event.outcome)
                .put("azure.resource.name", event.hostKey)
                .put("azure.resource.id", event.resourceId)
                .put("azure.correlation_id", event.correlationId);
        putIdentity(doc, event);
    }

    /** Caller identity and location fields of an Activity Log record. */
    public static void putIdentity(EcsDocument doc, ActivityEvent event) {
        doc.put("user.email", event.userEmail)
                .put("azure.activitylogs.identity.authorization.evidence.principal_id", event.principalId)
                .put("source.ip", event.sourceIp)
                .put("source.as.number", event.sourceAsNumber)
                .put("source.geo.country_name", event.sourceGeoCountryName)
                .put("azure.activitylogs.tenant_id", event.tenantId)
                .put("azure.subscription_id", event.subscriptionId);
    }

    /** A reference to one source event: stream, time, its event.id, and where it was read. */
    public static ObjectNode sourceRef(EventStream stream, long timestamp, String eventId, Origin origin) {
        ObjectNode ref = Json.MAPPER.createObjectNode();
        ref.put("stream", stream.id());
        ref.put("@timestamp", Iso8601.format(timestamp));
        if (eventId != null) {
            ref.put("event_id", eventId);
        }
        putOrigin(ref, origin);
        return ref;
    }

    public static ObjectNode sourceRef(ProcessEvent event) {
        return sourceRef(EventStream.PROCESS, event.timestamp, event.eventId, event.origin);
    }

    public static ObjectNode sourceRef(ActivityEvent event) {
        return sourceRef(EventStream.ACTIVITY, event.timestamp, event.eventId, event.origin);
    }

    /** Where a record was read: file and line, or Kafka coordinates, and its index in a batch message. */
    public static void putOrigin(ObjectNode node, Origin origin) {
        if (origin == null) {
            return;
        }
        if (origin.file != null) {
            node.put("file", origin.file);
            node.put("line", origin.line);
        }
        if (origin.topic != null) {
            node.put("topic", origin.topic);
            node.put("partition", origin.partition);
            node.put("offset", origin.offset);
        }
        if (origin.recordIndex != null) {
            node.put("record_index", origin.recordIndex);
        }
    }
}
