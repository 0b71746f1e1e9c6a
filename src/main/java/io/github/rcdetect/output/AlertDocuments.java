package io.github.rcdetect.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.detection.Correlation;
import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.detection.Suppression;
import io.github.rcdetect.detection.Threat;
import io.github.rcdetect.domain.RunAsPasswords;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.Iso8601;
import io.github.rcdetect.event.ProcessEvent;

import org.apache.flink.api.common.functions.MapFunction;

import java.util.Map;
import java.util.function.Function;

/**
 * Renders detections as ECS alert documents, the one place any rule's alert is written (docs/formats.md,
 * "Alerts"): the rule's fields, then the host, then the process of a process rule or the invocation and its
 * processes of a correlation rule, then references to the source events.
 */
public final class AlertDocuments implements MapFunction<Detection, AlertDocument> {
    private static final long serialVersionUID = 1L;

    private final Map<String, RuleMetadata> rules;

    /** @param rules every rule's metadata by rule id */
    public AlertDocuments(Map<String, RuleMetadata> rules) {
        this.rules = Map.copyOf(rules);
    }

    @Override
    public AlertDocument map(Detection detection) {
        return new AlertDocument(
                detection.ruleId,
                detection.eventId,
                detection.hostName,
                detection.timestamp,
                document(detection).toJson());
    }

    /** The alert's document, as a tree. */
    public EcsDocument document(Detection detection) {
        RuleMetadata rule = rules.get(detection.ruleId);
        if (rule == null) {
            throw new IllegalArgumentException("no rule " + detection.ruleId + " in the registry");
        }
        EcsDocument doc = new EcsDocument()
                .put("@timestamp", Iso8601.format(detection.timestamp))
                .put("event.kind", "alert")
                .put("event.id", detection.eventId)
                .put("rule.id", rule.id())
                .put("rule.uuid", rule.uuid())
                .put("rule.name", rule.name())
                .put("rule.version", rule.version())
                .put("kibana.alert.severity", rule.severity())
                .put("kibana.alert.risk_score", rule.riskScore())
                .put("threat", threat(rule.threat()))
                .put("host.name", detection.hostName)
                .put("cloud.instance.name", detection.cloudInstanceName)
                .put("azure.resource.id", detection.resourceId)
                .put("azure_runcommand.host_match", detection.hostMatch == null ? null : detection.hostMatch.id());
        if (detection.suppression != null) {
            putSuppression(doc, detection.suppression);
        }
        if (detection.correlation != null) {
            putCorrelation(doc, detection, detection.correlation);
        } else {
            EcsFields.putProcess(doc, detection.process);
            doc.put(
                    "azure_runcommand.source_events",
                    Json.MAPPER.createArrayNode().add(EcsFields.sourceRef(detection.process)));
        }
        return doc;
    }

    private static void putCorrelation(EcsDocument doc, Detection detection, Correlation correlation) {
        doc.put("process.command_line", RunAsPasswords.redact(correlation.commandLines))
                .put("azure_runcommand.invoked_at", Iso8601.format(detection.timestamp))
                .put("azure_runcommand.first_process_at", Iso8601.format(correlation.firstProcessAt))
                .put("azure_runcommand.delay_seconds", (correlation.firstProcessAt - detection.timestamp) / 1000.0)
                .put("azure_runcommand.process_count", correlation.processCount)
                .put("azure_runcommand.correlation_id", correlation.correlationId);
        EcsFields.putIdentity(doc, caller(correlation.records));
        ArrayNode sources = Json.MAPPER.createArrayNode();
        for (ActivityEvent record : correlation.records) {
            sources.add(EcsFields.sourceRef(record));
        }
        for (ProcessEvent process : correlation.processes) {
            sources.add(EcsFields.sourceRef(process));
        }
        doc.put("azure_runcommand.source_events", sources);
    }

    /** {@code kibana.alert.suppression}: terms as {@code [{field, value: [..] or null}]}, start, end, docs_count. */
    private static void putSuppression(EcsDocument doc, Suppression suppression) {
        ArrayNode terms = Json.MAPPER.createArrayNode();
        for (int i = 0; i < suppression.fields.length; i++) {
            ObjectNode term = terms.addObject();
            term.put("field", suppression.fields[i]);
            String[] values = suppression.values[i].values;
            if (values == null) {
                term.putNull("value");
            } else {
                ArrayNode array = term.putArray("value");
                for (String value : values) {
                    array.add(value);
                }
            }
        }
        doc.put("kibana.alert.suppression.terms", terms)
                .put("kibana.alert.suppression.start", Iso8601.format(suppression.start))
                .put("kibana.alert.suppression.end", Iso8601.format(suppression.end))
                .put("kibana.alert.suppression.docs_count", suppression.docsCount);
    }

    /** ECS {@code threat}: one object with the tactic and its techniques. */
    private static ArrayNode threat(Threat threat) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("framework", "MITRE ATT&CK");
        node.set("tactic", technique(threat.tactic()));
        ArrayNode techniques = node.putArray("technique");
        for (Threat.Technique technique : threat.techniques()) {
            techniques.add(technique(technique));
        }
        return Json.MAPPER.createArrayNode().add(node);
    }

    private static ObjectNode technique(Threat.Technique technique) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", technique.id());
        node.put("name", technique.name());
        node.put("reference", technique.reference());
        if (!technique.subtechniques().isEmpty()) {
            ArrayNode subtechniques = node.putArray("subtechnique");
            for (Threat.Technique subtechnique : technique.subtechniques()) {
                subtechniques.add(technique(subtechnique));
            }
        }
        return node;
    }

    /** Each caller field from the earliest record that carries it (records are in time order). */
    private static ActivityEvent caller(ActivityEvent[] records) {
        ActivityEvent caller = new ActivityEvent();
        caller.userEmail = first(records, r -> r.userEmail);
        caller.principalId = first(records, r -> r.principalId);
        caller.sourceIp = first(records, r -> r.sourceIp);
        caller.sourceAsNumber = first(records, r -> r.sourceAsNumber);
        caller.sourceGeoCountryName = first(records, r -> r.sourceGeoCountryName);
        caller.tenantId = first(records, r -> r.tenantId);
        caller.subscriptionId = first(records, r -> r.subscriptionId);
        return caller;
    }

    private static <T> T first(ActivityEvent[] records, Function<ActivityEvent, T> field) {
        for (ActivityEvent record : records) {
            T value = field.apply(record);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
