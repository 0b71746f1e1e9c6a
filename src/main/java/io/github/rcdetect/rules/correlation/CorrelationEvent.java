package io.github.rcdetect.rules.correlation;

import io.github.rcdetect.event.ProcessEvent;

/**
 * What a correlation rule's pattern sees on a host: an invocation or a guest process (exactly one is set). Each rule
 * binds {@code I} in a subclass of its own, which names its state (R1's is {@code rules.r1.HostEvent}); Flink reads
 * the bound type, so the field is serialized as that rule's invocation class.
 */
public class CorrelationEvent<I extends Invocation> {
    public I invocation;
    public ProcessEvent process;

    public CorrelationEvent() {}

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
