package io.github.rcdetect.rules.correlation;

import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;

import java.time.Duration;

/**
 * The pattern over one host's invocations and guest processes, in event time:
 *
 * <pre>
 *   invocation  →  process+ (strictly consecutive)  →  next invocation     (match: superseded)
 *                                                   →  window runs out     (timed-out partial match)
 * </pre>
 *
 * <p>The stream holds only the rule's candidates, so strict contiguity means the run of processes after an
 * invocation ends exactly where the next invocation begins: every process belongs to the latest invocation before it,
 * and each invocation ends up in one match holding all its processes. The window is the correlation interval: 120 s,
 * inclusive, at Flink's millisecond resolution (CEP times a partial match out once {@code t - start >= window}).
 */
public final class CorrelationPattern {
    /** Longest delay from a Run Command to a correlated process. */
    public static final Duration CORRELATION_WINDOW = Duration.ofSeconds(120);

    static final String INVOCATION = "invocation";
    static final String PROCESSES = "processes";
    static final String NEXT_INVOCATION = "next-invocation";

    private CorrelationPattern() {}

    public static <E extends CorrelationEvent<?>> Pattern<E, E> pattern() {
        return Pattern.<E>begin(INVOCATION, AfterMatchSkipStrategy.noSkip())
                .where(SimpleCondition.of(E::isInvocation))
                .next(PROCESSES)
                .where(SimpleCondition.of(E::isProcess))
                .oneOrMore()
                .consecutive()
                .next(NEXT_INVOCATION)
                .where(SimpleCondition.of(E::isInvocation))
                .within(CORRELATION_WINDOW.plusMillis(1));
    }
}
