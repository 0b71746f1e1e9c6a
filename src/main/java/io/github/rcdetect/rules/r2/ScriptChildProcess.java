package io.github.rcdetect.rules.r2;

import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.RunCommandChildren;

import java.util.Set;

/** R2's condition: a process start whose parent is a Run Command script host (SPEC section 3). */
public final class ScriptChildProcess {
    public static final Set<String> SHELLS =
            Set.of("bash", "dash", "sh", "tcsh", "csh", "zsh", "ksh", "fish", "mksh", "busybox");

    private ScriptChildProcess() {}

    public static boolean matches(ProcessEvent event) {
        return isProcessStart(event)
                && (RunCommandChildren.hasWindowsScriptParent(event)
                        || RunCommandChildren.hasLinuxScriptParent(event, SHELLS));
    }

    /** {@code event.type} contains start or process_started, or the document is Sysmon event 1. */
    static boolean isProcessStart(ProcessEvent event) {
        return RunCommandChildren.contains(event.eventType, "start")
                || RunCommandChildren.contains(event.eventType, "process_started")
                || RunCommandChildren.isSysmonProcessCreate(event);
    }
}
