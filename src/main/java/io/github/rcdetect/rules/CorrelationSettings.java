package io.github.rcdetect.rules;

import java.io.Serializable;
import java.time.Duration;

/**
 * The time settings of the correlation rules.
 *
 * @param maxInvocationSpan how long after a Run Command its later records (Succeeded, ...) still join it
 * @param maxActivityDelay how long Azure may take to deliver an Activity Log record; a correlation waits that long for
 *     one while the Activity Log is idle
 */
public record CorrelationSettings(Duration maxInvocationSpan, Duration maxActivityDelay) implements Serializable {
    public static final Duration DEFAULT_MAX_INVOCATION_SPAN = Duration.ofMinutes(90);
    public static final Duration DEFAULT_MAX_ACTIVITY_DELAY = Duration.ofMinutes(15);

    public static CorrelationSettings defaults() {
        return new CorrelationSettings(DEFAULT_MAX_INVOCATION_SPAN, DEFAULT_MAX_ACTIVITY_DELAY);
    }
}
