package io.github.rcdetect.rules.r1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.rcdetect.alert.Alert;
import io.github.rcdetect.alert.EventIds;
import io.github.rcdetect.alert.MitreAttack;
import io.github.rcdetect.alert.RuleMetadata;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.output.EcsDocument;
import io.github.rcdetect.output.EcsFields;
import io.github.rcdetect.output.Json;
import io.github.rcdetect.parse.Timestamps;

import org.apache.flink.api.common.typeinfo.TypeInformation;
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
import java.util.function.Function;

/**
 * Builds the one R1 alert of an invocation from its match: emitted on the main output when a later invocation on the
 * host closes it, and on {@link #WINDOW_CLOSED} when its 120 s window runs out. An invocation without processes
 * emits nothing.
 */
public final class CorrelationAlert extends PatternProcessFunction<HostEvent, Alert>
        implements TimedOutPartialMatchHandler<HostEvent> {
    private static final long serialVersionUID = 1L;

    public static final RuleMetadata RULE =
            new RuleMetadata(
                    "R1",
                    "Azure Run Command Correlated with Process Execution",
                    "1",
                    "ebbc1959-3309-4abf-b6cb-2bee3dbc9a7b",
                    MitreAttack.execution());

    /** Alerts of invocations whose correlation window ran out (CEP hands them over as timed-out partial matches). */
    public static final OutputTag<Alert> WINDOW_CLOSED =
            new OutputTag<>("r1-window-closed", TypeInformation.of(Alert.class));

    /** Distinct command lines and process references kept per alert; process_count stays exact. */
    static final int MAX_LISTED_PROCESSES = 100;

    private static final Comparator<ProcessEvent> PROCESS_ORDER =
            Comparator.<ProcessEvent>comparingLong(p -> p.timestamp)
                    .thenComparing(p -> p.entityId, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(p -> p.pid, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(p -> p.commandLine, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(p -> p.eventId, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(p -> String.valueOf(p.origin));

    @Override
    public void processMatch(Map<String, List<HostEvent>> match, Context ctx, Collector<Alert> out) {
        out.collect(alert(match));
    }

    @Override
    public void processTimedOutMatch(Map<String, List<HostEvent>> match, Context ctx) {
        if (match.containsKey(CorrelationPattern.PROCESSES)) {
            ctx.output(WINDOW_CLOSED, alert(match));
        }
    }

    static Alert alert(Map<String, List<HostEvent>> match) {
        Invocation invocation = match.get(CorrelationPattern.INVOCATION).get(0).invocation;
        List<ProcessEvent> processes = new ArrayList<>();
        for (HostEvent event : match.get(CorrelationPattern.PROCESSES)) {
            processes.add(event.process);
        }
        processes.sort(PROCESS_ORDER);
        long firstProcessAt = processes.get(0).timestamp;

        String eventId = eventId(invocation);
        EcsDocument doc =
                RULE.newAlert(invocation.timestamp, eventId)
                        .put("host.name", invocation.hostKey)
                        .put("process.command_line", distinctCommandLines(processes))
                        .put("azure_runcommand.invoked_at", Timestamps.format(invocation.timestamp))
                        .put("azure_runcommand.first_process_at", Timestamps.format(firstProcessAt))
                        .put("azure_runcommand.delay_seconds", (firstProcessAt - invocation.timestamp) / 1000.0)
                        .put("azure_runcommand.process_count", processes.size())
                        .put("azure_runcommand.correlation_id", invocation.correlationId);
        EcsFields.putIdentity(doc, identity(invocation.records));
        ArrayNode sources = Json.MAPPER.createArrayNode();
        for (ActivityEvent record : invocation.records) {
            sources.add(EcsFields.sourceRef(record));
        }
        for (ProcessEvent process : processes.subList(0, Math.min(processes.size(), MAX_LISTED_PROCESSES))) {
            sources.add(EcsFields.sourceRef(process));
        }
        doc.put("azure_runcommand.source_events", sources);
        return RULE.alert(doc, eventId, invocation.hostKey, invocation.timestamp);
    }

    /** Invocation identity: host, time and correlation id; without one, the record's own identifying fields. */
    private static String eventId(Invocation invocation) {
        ActivityEvent first = invocation.records[0];
        return invocation.correlationId != null
                ? EventIds.of(
                        RULE.id(),
                        invocation.hostKey,
                        Long.toString(invocation.timestamp),
                        invocation.correlationId)
                : EventIds.of(
                        RULE.id(),
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

    /** Each caller field from the earliest record that carries it (records are in time order). */
    private static ActivityEvent identity(ActivityEvent[] records) {
        ActivityEvent identity = new ActivityEvent();
        identity.userEmail = first(records, r -> r.userEmail);
        identity.principalId = first(records, r -> r.principalId);
        identity.sourceIp = first(records, r -> r.sourceIp);
        identity.sourceAsNumber = first(records, r -> r.sourceAsNumber);
        identity.sourceGeoCountryName = first(records, r -> r.sourceGeoCountryName);
        identity.tenantId = first(records, r -> r.tenantId);
        identity.subscriptionId = first(records, r -> r.subscriptionId);
        return identity;
    }

    private static <T> T first(ActivityEvent[] records, Function<ActivityEvent, T> field) {
        for (ActivityEvent record : records) {
            T value = field.apply(record);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
