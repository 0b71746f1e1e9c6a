package io.github.rcdetect.domain;

/**
 * What any rule may use, decided from a field or two so the parser can tell noise before it reads the rest: a
 * condition every rule's own condition implies (a test holds each rule of the registry to it). Activity records
 * must carry a Run Command action; process events must have a parent named like a script host.
 */
public final class Candidates {
    private Candidates() {}

    /** A Run Command action, whatever the outcome or machine: the rules decide the rest. */
    public static boolean mayBeRunCommandRecord(String action) {
        return RunCommandAction.of(action) != null;
    }

    /** A parent named like the agent's PowerShell or one of the script shells: the rules decide the rest. */
    public static boolean mayBeScriptChild(String parentName) {
        return ScriptHosts.isWindowsScriptHost(parentName) || ScriptHosts.isShell(parentName, ScriptHosts.SHELLS);
    }
}
