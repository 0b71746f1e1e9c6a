package io.github.rcdetect.rules.r3;

import io.github.rcdetect.rules.correlation.CorrelationEvent;

/** R3's pattern events in state: a managed run command's invocation or a guest process. */
public class HostEvent extends CorrelationEvent<Invocation> {
    public HostEvent() {}
}
