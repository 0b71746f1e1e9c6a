package io.github.rcdetect.detection;

import io.github.rcdetect.event.ProcessEvent;

/**
 * One detection of a rule: one alert. A process rule detects one process ({@link #process}); a correlation rule
 * one Run Command invocation with the guest processes that followed it ({@link #correlation}). Exactly one is set.
 */
public class Detection {
    /** {@code rule.id}, a rule of the registry. */
    public String ruleId;
    /** The deterministic {@code event.id}: the same input always gives the same id. */
    public String eventId;
    /** The alert's {@code @timestamp}, epoch milliseconds: the process's time, or the invocation's. */
    public long timestamp;
    /** {@code host.name}. */
    public String hostName;

    public ProcessEvent process;
    public Correlation correlation;

    public Detection() {}

    public static Detection ofProcess(String ruleId, String eventId, String hostName, ProcessEvent process) {
        Detection detection = new Detection();
        detection.ruleId = ruleId;
        detection.eventId = eventId;
        detection.timestamp = process.timestamp;
        detection.hostName = hostName;
        detection.process = process;
        return detection;
    }

    public static Detection ofCorrelation(
            String ruleId, String eventId, long invokedAt, String hostName, Correlation correlation) {
        Detection detection = new Detection();
        detection.ruleId = ruleId;
        detection.eventId = eventId;
        detection.timestamp = invokedAt;
        detection.hostName = hostName;
        detection.correlation = correlation;
        return detection;
    }
}
