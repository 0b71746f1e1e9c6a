package io.github.rcdetect.detection;

import java.io.Serializable;

/**
 * What every alert of a rule carries: {@code rule.*}, severity, risk score and the ATT&CK mapping.
 *
 * @param id {@code rule.id}, as R1
 * @param uuid {@code rule.uuid}: fixed once per rule; a port carries the rule_id of the Elastic rule it ports, so
 *     existing exceptions and dashboards keyed by it still apply
 */
public record RuleMetadata(
        String id, String name, String version, String uuid, String severity, long riskScore, Threat threat)
        implements Serializable {

    /** Severity {@code medium} and risk score 47, the figures of every rule of the family. */
    public static RuleMetadata medium(String id, String name, String uuid, Threat threat) {
        return new RuleMetadata(id, name, "1", uuid, "medium", 47, threat);
    }
}
