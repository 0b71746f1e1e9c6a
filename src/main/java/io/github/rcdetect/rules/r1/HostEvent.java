package io.github.rcdetect.rules.r1;

import io.github.rcdetect.event.ProcessEvent;

/** What the R1 pattern sees on a host: an invocation or a guest process (exactly one is set). */
public class HostEvent {
    public Invocation invocation;
    public ProcessEvent process;

    public HostEvent() {}

    public static HostEvent of(Invocation invocation) {
        HostEvent event = new HostEvent();
        event.invocation = invocation;
        return event;
    }

    public static HostEvent of(ProcessEvent process) {
        HostEvent event = new HostEvent();
        event.process = process;
        return event;
    }

    public boolean isInvocation() {
        return invocation != null;
    }

    public boolean isProcess() {
        return process != null;
    }

    public String hostKey() {
        return invocation != null ? invocation.hostKey : process.hostKey;
    }
}
