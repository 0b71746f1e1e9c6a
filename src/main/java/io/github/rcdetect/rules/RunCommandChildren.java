package io.github.rcdetect.rules;

import io.github.rcdetect.event.ProcessEvent;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Conditions shared by R1 and R2 that tell a process started by a Run Command script: how the Azure VM agent launches
 * the script on Windows (PowerShell on {@code script<N>.ps1}) and on Linux (a shell on the waagent download path).
 */
public final class RunCommandChildren {
    /**
     * The agent's PowerShell command line. Case-insensitive because Windows is; {@code \s+} because renderings differ
     * in spacing (the published rule has two spaces after {@code powershell}); {@code [0-9]+} because hosts reach
     * script10.ps1 and beyond; surrounding whitespace (as Sysmon leaves it) is ignored.
     */
    private static final Pattern WINDOWS_SCRIPT_COMMAND_LINE =
            Pattern.compile(
                    "\\s*powershell\\s+-ExecutionPolicy\\s+Unrestricted\\s+-File\\s+script[0-9]+\\.ps1\\s*",
                    Pattern.CASE_INSENSITIVE);

    private static final String WINDOWS_SCRIPT_HOST = "powershell.exe";
    private static final String WAAGENT_DOWNLOAD_DIR = "/var/lib/waagent/run-command/download/";
    private static final String WAAGENT_SCRIPT = "/script.sh";
    private static final String SYSMON_PROCESS_CREATE = "1";

    private RunCommandChildren() {}

    /** Parent is {@code powershell.exe} running a Run Command script (case-insensitive, whitespace-tolerant). */
    public static boolean hasWindowsScriptParent(ProcessEvent event) {
        return isWindowsScriptHost(event.parentName)
                && event.parentCommandLine != null
                && WINDOWS_SCRIPT_COMMAND_LINE.matcher(event.parentCommandLine).matches();
    }

    /** Parent is one of {@code shells} (case-sensitive) with an argument on the waagent Run Command path. */
    public static boolean hasLinuxScriptParent(ProcessEvent event, Set<String> shells) {
        return isShell(event.parentName, shells) && anyWaagentScript(event.parentArgs);
    }

    /** The name part of {@link #hasWindowsScriptParent}: the agent's PowerShell, in any case. */
    public static boolean isWindowsScriptHost(String processName) {
        return WINDOWS_SCRIPT_HOST.equalsIgnoreCase(processName);
    }

    /** The name part of {@link #hasLinuxScriptParent}: one of {@code shells}, case-sensitive. */
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

    /** Sysmon event 1 (process creation): {@code event.code} 1 with category process. */
    public static boolean isSysmonProcessCreate(ProcessEvent event) {
        return SYSMON_PROCESS_CREATE.equals(event.eventCode) && contains(event.eventCategory, "process");
    }

    /** Whether any element of an ECS array field equals {@code value}. */
    public static boolean contains(String[] values, String value) {
        if (values != null) {
            for (String element : values) {
                if (value.equals(element)) {
                    return true;
                }
            }
        }
        return false;
    }
}
