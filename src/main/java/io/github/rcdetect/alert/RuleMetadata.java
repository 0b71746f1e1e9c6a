package io.github.rcdetect.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.rcdetect.output.EcsDocument;
import io.github.rcdetect.parse.Timestamps;

/**
 * What every alert of a rule carries: {@code rule.*}, severity, risk score and the ATT&CK mapping.
 *
 * @param id {@code rule.id}, R1 or R2
 * @param uuid {@code rule.uuid}: the rule_id of the Elastic rule this one ports, to map onto existing exceptions
 */
public record RuleMetadata(String id, String name, String version, String uuid, ArrayNode threat) {
    private static final String SEVERITY = "medium";
    private static final long RISK_SCORE = 47;

    /** A new alert document of this rule with its common fields. */
    public EcsDocument newAlert(long timestamp, String eventId) {
        return new EcsDocument()
                .put("@timestamp", Timestamps.format(timestamp))
                .put("event.kind", "alert")
                .put("event.id", eventId)
                .put("rule.id", id)
                .put("rule.uuid", uuid)
                .put("rule.name", name)
                .put("rule.version", version)
                .put("kibana.alert.severity", SEVERITY)
                .put("kibana.alert.risk_score", RISK_SCORE)
                .put("threat", threat.deepCopy());
    }

    /** The finished alert document of this rule. */
    public Alert alert(EcsDocument doc, String eventId, String hostName, long timestamp) {
        return new Alert(id, eventId, hostName, timestamp, doc.toJson());
    }
}
