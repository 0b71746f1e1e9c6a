package io.github.rcdetect.domain;

/** Which endpoint records report a process start, in the ECS values of Elastic Defend and of Sysmon event 1. */
public final class ProcessStarts {
    private static final String SYSMON_PROCESS_CREATE = "1";

    private ProcessStarts() {}

    /** {@code event.type} contains start or process_started, or the document is Sysmon event 1. */
    public static boolean isProcessStart(String[] eventType, String eventCode, String[] eventCategory) {
        return contains(eventType, "start")
                || contains(eventType, "process_started")
                || isSysmonProcessCreate(eventCode, eventCategory);
    }

    /** Sysmon event 1 (process creation): {@code event.code} 1 with category process. */
    public static boolean isSysmonProcessCreate(String eventCode, String[] eventCategory) {
        return SYSMON_PROCESS_CREATE.equals(eventCode) && contains(eventCategory, "process");
    }

    /** Whether any element of an ECS array field equals {@code value}. */
    public static boolean contains(String[] values, String value) {
        if (values != null) {
            for (String element : values) {
                if (value.equals(element)) {
                    return true;
                }
            }
        }
        return false;
    }
}
