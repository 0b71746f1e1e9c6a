package io.github.rcdetect.testing;

import io.github.rcdetect.event.ProcessEvent;

/** Process events built field by field, for predicate tests. */
public final class Processes {
    private Processes() {}

    /** A Defend Windows start under the given PowerShell command line. */
    public static ProcessEvent windows(String parentName, String parentCommandLine) {
        ProcessEvent event = start("start");
        event.name = "whoami.exe";
        event.parentName = parentName;
        event.parentCommandLine = parentCommandLine;
        return event;
    }

    /** A Defend Linux event with the given action under the given shell and arguments. */
    public static ProcessEvent linux(String action, String parentName, String... parentArgs) {
        ProcessEvent event = start(action);
        event.name = "id";
        event.parentName = parentName;
        event.parentArgs = parentArgs;
        return event;
    }

    /** A Sysmon event 1 (no event.action, as the Sysmon pipeline leaves it in some versions). */
    public static ProcessEvent sysmon(String parentName, String parentCommandLine) {
        ProcessEvent event = windows(parentName, parentCommandLine);
        event.eventAction = null;
        event.eventType = null;
        event.eventCode = "1";
        event.eventCategory = new String[] {"process"};
        return event;
    }

    private static ProcessEvent start(String action) {
        ProcessEvent event = new ProcessEvent();
        event.timestamp = 1_773_136_800_000L;
        event.hostKey = "vm1";
        event.hostName = "vm1";
        event.eventAction = action;
        event.eventType = new String[] {"start"};
        event.eventCategory = new String[] {"process"};
        return event;
    }
}
