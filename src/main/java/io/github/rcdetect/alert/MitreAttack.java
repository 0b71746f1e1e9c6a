package io.github.rcdetect.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.output.Json;

/** ECS {@code threat} objects for the MITRE ATT&CK mapping of the rules. */
public final class MitreAttack {
    private static final String ATTACK = "https://attack.mitre.org/";

    private MitreAttack() {}

    /**
     * Execution (TA0002) through Command and Scripting Interpreter (T1059), optionally narrowed to sub-techniques,
     * and Cloud Administration Command (T1651).
     */
    public static ArrayNode execution(String... t1059Subtechniques) {
        ObjectNode threat = Json.MAPPER.createObjectNode();
        threat.put("framework", "MITRE ATT&CK");
        threat.set("tactic", entry("TA0002", "Execution", ATTACK + "tactics/TA0002/"));
        ArrayNode techniques = threat.putArray("technique");
        ObjectNode interpreter =
                entry("T1059", "Command and Scripting Interpreter", ATTACK + "techniques/T1059/");
        if (t1059Subtechniques.length > 0) {
            ArrayNode subtechniques = interpreter.putArray("subtechnique");
            for (String sub : t1059Subtechniques) {
                subtechniques.add(subtechnique(sub));
            }
        }
        techniques.add(interpreter);
        techniques.add(entry("T1651", "Cloud Administration Command", ATTACK + "techniques/T1651/"));
        return Json.MAPPER.createArrayNode().add(threat);
    }

    private static ObjectNode subtechnique(String id) {
        switch (id) {
            case "T1059.001":
                return entry(id, "PowerShell", ATTACK + "techniques/T1059/001/");
            case "T1059.004":
                return entry(id, "Unix Shell", ATTACK + "techniques/T1059/004/");
            default:
                throw new IllegalArgumentException("no name known for sub-technique " + id);
        }
    }

    private static ObjectNode entry(String id, String name, String reference) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", id);
        node.put("name", name);
        node.put("reference", reference);
        return node;
    }
}
