package io.github.rcdetect.detection;

import java.io.Serializable;
import java.util.List;

/** An ECS {@code threat} object: one MITRE ATT&CK tactic and its techniques. */
public record Threat(Technique tactic, List<Technique> techniques) implements Serializable {
    private static final String ATTACK = "https://attack.mitre.org/";

    /** A tactic, technique or sub-technique. */
    public record Technique(String id, String name, String reference, List<Technique> subtechniques)
            implements Serializable {}

    /**
     * Execution (TA0002) through Command and Scripting Interpreter (T1059), optionally narrowed to sub-techniques,
     * and Cloud Administration Command (T1651).
     */
    public static Threat execution(String... t1059Subtechniques) {
        List<Technique> subtechniques =
                List.of(t1059Subtechniques).stream().map(Threat::subtechnique).toList();
        return new Threat(
                technique("TA0002", "Execution", "tactics/TA0002/"),
                List.of(
                        new Technique(
                                "T1059",
                                "Command and Scripting Interpreter",
                                ATTACK + "techniques/T1059/",
                                subtechniques),
                        technique("T1651", "Cloud Administration Command", "techniques/T1651/")));
    }

    private static Technique subtechnique(String id) {
        switch (id) {
            case "T1059.001":
                return technique(id, "PowerShell", "techniques/T1059/001/");
            case "T1059.004":
                return technique(id, "Unix Shell", "techniques/T1059/004/");
            default:
                throw new IllegalArgumentException("no name known for sub-technique " + id);
        }
    }

    private static Technique technique(String id, String name, String path) {
        return new Technique(id, name, ATTACK + path, List.of());
    }
}
