package io.github.rcdetect.event;

import io.github.rcdetect.domain.HostMatch;

/**
 * One endpoint process event (Elastic Defend, or Windows Sysmon event 1), reduced to what the rules and alerts use.
 * Array fields keep every element because a rule condition holds when any element satisfies it.
 */
public class ProcessEvent {
    /** Event time, epoch milliseconds. */
    public long timestamp;
    /**
     * The machine the event is keyed by (docs/spec.md, section 9): the lower-cased resource name of the VM or
     * scale-set instance when {@code cloud.instance.name} or the host inventory names it, else the guest's name
     * without domain suffix.
     */
    public String hostKey;
    /** {@code host.name} (else {@code winlog.computer_name}) lower-cased, as the endpoint reported it. */
    public String hostName;
    /** {@code cloud.instance.name} as reported, or the machine's name the host inventory gives; null when unknown. */
    public String cloudInstanceName;
    /** The machine's resource id, from the host inventory; null when unknown. */
    public String resourceId;
    /** How {@link #hostKey} was found. */
    public HostMatch hostMatch;

    public String eventAction;
    public String[] eventType;
    public String[] eventCategory;
    public String eventCode;
    /** {@code event.id} of the source document, when it has one. */
    public String eventId;

    public String name;
    public Long pid;
    public String entityId;
    public String executable;
    public String[] args;
    public String commandLine;

    public String parentName;
    public Long parentPid;
    public String parentEntityId;
    public String parentExecutable;
    public String[] parentArgs;
    public String parentCommandLine;

    public Origin origin;

    public ProcessEvent() {}
}
