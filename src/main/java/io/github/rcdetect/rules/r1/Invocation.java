package io.github.rcdetect.rules.r1;

/**
 * R1's invocations in state. The class adds nothing to the engine's; it exists because savepoints name the class of
 * the state they hold, and R1's state has been of this class since the first release.
 */
public class Invocation extends io.github.rcdetect.rules.correlation.Invocation {
    public Invocation() {}
}
