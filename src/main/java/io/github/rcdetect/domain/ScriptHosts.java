package io.github.rcdetect.domain;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the Azure VM agent starts a Run Command script on the guest, as seen in the parent of the processes the script
 * starts: on Windows PowerShell on {@code script<N>.ps1}; on Linux a shell on the waagent download path.
 */
public final class ScriptHosts {
    /** The shells a Linux script child may have as parent (docs/spec.md, "R2"). */
    public static final Set<String> SHELLS =
            Set.of("bash", "dash", "sh", "tcsh", "csh", "zsh", "ksh", "fish", "mksh", "busybox");

    /** The shells of the Elastic correlation rule's Linux condition (docs/spec.md, "R1"). */
    public static final Set<String> CORRELATED_SHELLS = Set.of("dash", "bash", "sh");

    /** The console host Windows starts for every console program, the script's PowerShell included. */
    public static final String CONSOLE_HOST = "conhost.exe";

    /**
     * The agent's PowerShell command line. Case-insensitive because Windows is; {@code \s+} because renderings differ
     * in spacing (the published rule has two spaces after {@code powershell}); {@code [0-9]+} because hosts reach
     * script10.ps1 and beyond; surrounding whitespace (as Sysmon leaves it) is ignored.
     */
    private static final Pattern WINDOWS_SCRIPT_COMMAND_LINE = Pattern.compile(
            "\\s*powershell\\s+-ExecutionPolicy\\s+Unrestricted\\s+-File\\s+script[0-9]+\\.ps1\\s*",
            Pattern.CASE_INSENSITIVE);

    private static final String WINDOWS_SCRIPT_HOST = "powershell.exe";
    private static final String WAAGENT_DOWNLOAD_DIR = "/var/lib/waagent/run-command/download/";
    private static final String WAAGENT_SCRIPT = "/script.sh";

    private ScriptHosts() {}

    /** A parent {@code powershell.exe} running a Run Command script (case-insensitive, whitespace-tolerant). */
    public static boolean isWindowsScriptParent(String parentName, String parentCommandLine) {
        return isWindowsScriptHost(parentName)
                && parentCommandLine != null
                && WINDOWS_SCRIPT_COMMAND_LINE.matcher(parentCommandLine).matches();
    }

    /** A parent that is one of {@code shells} (case-sensitive) with an argument on the waagent Run Command path. */
    public static boolean isLinuxScriptParent(String parentName, String[] parentArgs, Set<String> shells) {
        return isShell(parentName, shells) && anyWaagentScript(parentArgs);
    }

    /** The name part of {@link #isWindowsScriptParent}: the agent's PowerShell, in any case. */
    public static boolean isWindowsScriptHost(String processName) {
        return WINDOWS_SCRIPT_HOST.equalsIgnoreCase(processName);
    }

    /** The name part of {@link #isLinuxScriptParent}: one of {@code shells}, case-sensitive. */
    public static boolean isShell(String processName, Set<String> shells) {
        return processName != null && shells.contains(processName);
    }

    /** Some element matches {@code /var/lib/waagent/run-command/download/*}{@code /script.sh}, * any characters. */
    static boolean anyWaagentScript(String[] args) {
        if (args == null) {
            return false;
        }
        for (String arg : args) {
            if (arg != null
                    && arg.length() >= WAAGENT_DOWNLOAD_DIR.length() + WAAGENT_SCRIPT.length()
                    && arg.startsWith(WAAGENT_DOWNLOAD_DIR)
                    && arg.endsWith(WAAGENT_SCRIPT)) {
                return true;
            }
        }
        return false;
    }
}
