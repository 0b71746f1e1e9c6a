package io.github.rcdetect.rules.r1;

import io.github.rcdetect.rules.correlation.CorrelationEvent;

/**
 * R1's pattern events in state: an invocation or a guest process. Like {@link Invocation}, a class of R1's own so
 * the class its savepoints name stays the same.
 */
public class HostEvent extends CorrelationEvent<Invocation> {
    public HostEvent() {}
}
