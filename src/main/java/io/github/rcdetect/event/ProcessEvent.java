package io.github.rcdetect.event;

/**
 * One endpoint process event (Elastic Defend, or Windows Sysmon event 1), reduced to what the rules and alerts use.
 * Array fields keep every element because a rule condition holds when any element satisfies it.
 */
public class ProcessEvent {
    /** Event time, epoch milliseconds. */
    public long timestamp;
    /** Lower-cased {@code host.name}: the host key. */
    public String hostKey;

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
