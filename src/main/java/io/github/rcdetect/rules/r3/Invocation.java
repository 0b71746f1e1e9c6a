package io.github.rcdetect.rules.r3;

/** R3's invocations in state: a class of R3's own, so the class its savepoints name stays R3's whatever R1 does. */
public class Invocation extends io.github.rcdetect.rules.correlation.Invocation {
    public Invocation() {}
}
