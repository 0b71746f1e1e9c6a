package io.github.rcdetect.detection;

import io.github.rcdetect.domain.HostMatch;
import io.github.rcdetect.event.ActivityEvent;
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
    /** {@code host.name}: the guest's host name as the endpoint reported it, lower-cased. */
    public String hostName;
    /** {@code cloud.instance.name}: the VM's or scale-set instance's resource name, when known. */
    public String cloudInstanceName;
    /** {@code azure.resource.id}: the VM's or scale-set instance's resource id, when known. */
    public String resourceId;
    /** {@code azure_runcommand.host_match}: how a correlation joined the two sides; null for a process rule. */
    public HostMatch hostMatch;

    public ProcessEvent process;
    public Correlation correlation;
    /** Set by the alert stage for a rule with alert suppression: the group's figures. */
    public Suppression suppression;

    public Detection() {}

    /** This detection with its suppression figures as they are now, unaffected by later changes to them. */
    public Detection withFiguresNow() {
        Detection copy = new Detection();
        copy.ruleId = ruleId;
        copy.eventId = eventId;
        copy.timestamp = timestamp;
        copy.hostName = hostName;
        copy.cloudInstanceName = cloudInstanceName;
        copy.resourceId = resourceId;
        copy.hostMatch = hostMatch;
        copy.process = process;
        copy.correlation = correlation;
        copy.suppression = suppression == null ? null : suppression.copy();
        return copy;
    }

    public static Detection ofProcess(String ruleId, String eventId, String hostName, ProcessEvent process) {
        Detection detection = new Detection();
        detection.ruleId = ruleId;
        detection.eventId = eventId;
        detection.timestamp = process.timestamp;
        detection.hostName = hostName;
        detection.cloudInstanceName = process.cloudInstanceName;
        detection.resourceId = process.resourceId;
        detection.process = process;
        return detection;
    }

    /** A correlation: {@code host.name} and how the sides were joined from its first process, the machine from the invocation. */
    public static Detection ofCorrelation(
            String ruleId, String eventId, long invokedAt, ActivityEvent invocation, Correlation correlation) {
        ProcessEvent first = correlation.processes[0];
        Detection detection = new Detection();
        detection.ruleId = ruleId;
        detection.eventId = eventId;
        detection.timestamp = invokedAt;
        detection.hostName = first.hostName;
        detection.cloudInstanceName = invocation.machineName;
        detection.resourceId = invocation.resourceId;
        detection.hostMatch = first.hostMatch;
        detection.correlation = correlation;
        return detection;
    }
}
