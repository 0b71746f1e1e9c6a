package io.github.rcdetect.detection;

import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;

/**
 * A Run Command invocation and the guest processes correlated with it. The lists are bounded, the counts exact: a
 * hostile stream could write millions of records or processes for one invocation.
 */
public class Correlation {
    /** {@code azure.correlation_id} as the invocation's earliest record spells it; null for a record without one. */
    public String correlationId;
    /** The invocation's records in time order (at most 32). */
    public ActivityEvent[] records;
    /** The correlated processes in time order (at most 100 listed). */
    public ProcessEvent[] processes;
    /** How many processes correlated, including any not listed. */
    public int processCount;
    /** The distinct command lines of the processes, in their order (at most 100). */
    public String[] commandLines;
    /** Time of the earliest correlated process, epoch milliseconds. */
    public long firstProcessAt;

    public Correlation() {}
}
