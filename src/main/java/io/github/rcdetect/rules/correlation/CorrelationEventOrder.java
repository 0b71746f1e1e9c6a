package io.github.rcdetect.rules.correlation;

import org.apache.flink.cep.EventComparator;

import java.util.Comparator;
import java.util.Locale;

/**
 * Order of a correlation rule's events that share a timestamp, so results never depend on arrival order: invocations
 * before processes (a process at the very millisecond of an invocation belongs to it), and invocations by
 * correlation id compared case-insensitively (none first), then in a fixed content order; the last counts as the
 * latest.
 */
final class CorrelationEventOrder<E extends CorrelationEvent<?>> implements EventComparator<E> {
    private static final long serialVersionUID = 1L;

    // Case-insensitive, like the grouping of records into invocations: the spelling of an id must not decide which
    // invocation is the latest.
    private static final Comparator<Invocation> INVOCATION_ORDER = Comparator.<Invocation, String>comparing(
                    invocation ->
                            invocation.correlationId == null ? null : invocation.correlationId.toLowerCase(Locale.ROOT),
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(invocation -> invocation.records[0], Invocation.RECORD_ORDER);

    @Override
    public int compare(E a, E b) {
        if (a.isInvocation() != b.isInvocation()) {
            return a.isInvocation() ? -1 : 1;
        }
        return a.isInvocation() ? INVOCATION_ORDER.compare(a.invocation, b.invocation) : 0;
    }
}
