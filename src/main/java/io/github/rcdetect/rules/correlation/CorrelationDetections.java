package io.github.rcdetect.rules.correlation;

import io.github.rcdetect.detection.Correlation;
import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.detection.EventIds;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.serialization.WireTypes;

import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.functions.TimedOutPartialMatchHandler;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the one detection of an invocation from its match: emitted on the main output when a later invocation on the
 * host closes it, and on the window-closed tag when its 120 s window runs out. An invocation without processes
 * emits nothing.
 */
final class CorrelationDetections<E extends CorrelationEvent<?>> extends PatternProcessFunction<E, Detection>
        implements TimedOutPartialMatchHandler<E> {
    private static final long serialVersionUID = 1L;

    /** Distinct command lines and process references kept per detection; the process count stays exact. */
    static final int MAX_LISTED_PROCESSES = 100;

    private static final Comparator<ProcessEvent> PROCESS_ORDER = Comparator.<ProcessEvent>comparingLong(
                    p -> p.timestamp)
            .thenComparing(p -> p.entityId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(p -> p.pid, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(p -> p.commandLine, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(p -> p.eventId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(p -> String.valueOf(p.origin));

    private final String ruleId;
    /** Detections of invocations whose correlation window ran out (CEP hands them over as timed-out partial matches). */
    private final OutputTag<Detection> windowClosed;

    CorrelationDetections(String ruleId, OutputTag<Detection> windowClosed) {
        this.ruleId = ruleId;
        this.windowClosed = windowClosed;
    }

    static OutputTag<Detection> windowClosedTag(String rulePrefix) {
        return new OutputTag<>(rulePrefix + "-window-closed", WireTypes.DETECTION);
    }

    @Override
    public void processMatch(Map<String, List<E>> match, Context ctx, Collector<Detection> out) {
        out.collect(detection(match));
    }

    @Override
    public void processTimedOutMatch(Map<String, List<E>> match, Context ctx) {
        if (match.containsKey(CorrelationPattern.PROCESSES)) {
            ctx.output(windowClosed, detection(match));
        }
    }

    Detection detection(Map<String, List<E>> match) {
        Invocation invocation = match.get(CorrelationPattern.INVOCATION).get(0).invocation;
        List<ProcessEvent> processes = new ArrayList<>();
        for (E event : match.get(CorrelationPattern.PROCESSES)) {
            processes.add(event.process);
        }
        processes.sort(PROCESS_ORDER);

        Correlation correlation = new Correlation();
        correlation.correlationId = invocation.correlationId;
        correlation.records = invocation.records;
        correlation.processes = processes
                .subList(0, Math.min(processes.size(), MAX_LISTED_PROCESSES))
                .toArray(new ProcessEvent[0]);
        correlation.processCount = processes.size();
        correlation.commandLines = distinctCommandLines(processes);
        correlation.firstProcessAt = processes.get(0).timestamp;
        return Detection.ofCorrelation(
                ruleId, eventId(invocation), invocation.timestamp, machineRecord(invocation), correlation);
    }

    /**
     * The invocation's earliest record that names the machine by resource id (else its earliest), the smallest id
     * among records of one time: records of one invocation may spell the machine in different cases, and which of
     * them arrived first must not change the alert.
     */
    private static ActivityEvent machineRecord(Invocation invocation) {
        ActivityEvent chosen = null;
        for (ActivityEvent record : invocation.records) {
            if (record.resourceId != null
                    && (chosen == null
                            || record.timestamp < chosen.timestamp
                            || record.timestamp == chosen.timestamp
                                    && record.resourceId.compareTo(chosen.resourceId) < 0)) {
                chosen = record;
            }
        }
        if (chosen != null) {
            return chosen;
        }
        for (ActivityEvent record : invocation.records) {
            if (record.timestamp == invocation.records[0].timestamp
                    && record.machineName != null
                    && (chosen == null || record.machineName.compareTo(chosen.machineName) < 0)) {
                chosen = record;
            }
        }
        return chosen != null ? chosen : invocation.records[0];
    }

    /** Invocation identity: host, time and correlation id; without one, the record's own identifying fields. */
    private String eventId(Invocation invocation) {
        ActivityEvent first = invocation.records[0];
        return invocation.correlationId != null
                ? EventIds.of(ruleId, invocation.hostKey, Long.toString(invocation.timestamp), invocation.correlationId)
                : EventIds.of(
                        ruleId,
                        invocation.hostKey,
                        Long.toString(invocation.timestamp),
                        null,
                        first.eventId,
                        first.principalId,
                        first.userEmail,
                        first.sourceIp);
    }

    private static String[] distinctCommandLines(List<ProcessEvent> processes) {
        Set<String> commandLines = new LinkedHashSet<>();
        for (ProcessEvent process : processes) {
            if (process.commandLine != null && commandLines.size() < MAX_LISTED_PROCESSES) {
                commandLines.add(process.commandLine);
            }
        }
        return commandLines.toArray(new String[0]);
    }
}
