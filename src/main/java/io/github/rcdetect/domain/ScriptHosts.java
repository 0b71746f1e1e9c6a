package io.github.rcdetect.domain;

import java.util.Locale;
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

    /** Where the managed Run Command handler (v2) on Linux downloads the scripts it runs (docs/spec.md, section 10). */
    private static final String HANDLER_DIR = "/var/lib/waagent/run-command-handler/";

    private static final String[] HANDLER_SCRIPT_DIRS = {HANDLER_DIR + "download/", HANDLER_DIR + "immediateDownload/"};
    /** A RunAs script's home: {@code /home/<user>/waagent/run-command-handler-runas/download/}. */
    private static final String HOME = "/home/";

    private static final String[] RUNAS_SCRIPT_DIRS = {
        "/waagent/run-command-handler-runas/download/", "/waagent/run-command-handler-runas/immediateDownload/"
    };
    /** The folder of the Windows handler (v2), in the lower case it is compared in. */
    private static final String WINDOWS_HANDLER_DIR =
            "\\packages\\plugins\\microsoft.cplat.core.runcommandhandlerwindows\\";

    private ScriptHosts() {}

    /**
     * A parent running a script of the managed Run Command handler (v2): on Linux one of {@link #SHELLS} with an
     * argument that starts with a handler download folder; on Windows {@code powershell.exe} whose command line names
     * a file under the handler's plugin folder.
     */
    public static boolean isManagedScriptParent(String parentName, String[] parentArgs, String parentCommandLine) {
        return isShell(parentName, SHELLS) && anyHandlerScript(parentArgs)
                || isWindowsScriptHost(parentName) && runsWindowsHandlerScript(parentCommandLine);
    }

    /** Some element starts with a handler folder: the inline script, a downloaded one, or a RunAs user's copy. */
    static boolean anyHandlerScript(String[] args) {
        if (args == null) {
            return false;
        }
        for (String arg : args) {
            if (arg != null && (startsWithAny(arg, HANDLER_SCRIPT_DIRS) || isRunAsScript(arg))) {
                return true;
            }
        }
        return false;
    }

    /** {@code /home/<user>/waagent/run-command-handler-runas/download/...}: {@code <user>} one non-empty segment. */
    private static boolean isRunAsScript(String arg) {
        if (!arg.startsWith(HOME)) {
            return false;
        }
        int slash = arg.indexOf('/', HOME.length());
        if (slash <= HOME.length()) {
            return false;
        }
        for (String dir : RUNAS_SCRIPT_DIRS) {
            if (arg.startsWith(dir, slash)) {
                return true;
            }
        }
        return false;
    }

    private static boolean runsWindowsHandlerScript(String commandLine) {
        return commandLine != null && commandLine.toLowerCase(Locale.ROOT).contains(WINDOWS_HANDLER_DIR);
    }

    private static boolean startsWithAny(String text, String[] prefixes) {
        for (String prefix : prefixes) {
            if (text.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

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
