package io.github.rcdetect.rules.r2;

import io.github.rcdetect.alert.Alert;
import io.github.rcdetect.alert.EventIds;
import io.github.rcdetect.alert.MitreAttack;
import io.github.rcdetect.alert.RuleMetadata;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.output.EcsDocument;
import io.github.rcdetect.output.EcsFields;
import io.github.rcdetect.output.Json;

import org.apache.flink.api.common.functions.MapFunction;

/** Builds the R2 alert of one matching process event. */
public final class ScriptChildProcessAlert implements MapFunction<ProcessEvent, Alert> {
    private static final long serialVersionUID = 1L;

    public static final RuleMetadata RULE =
            new RuleMetadata(
                    "R2",
                    "Azure Run Command Script Child Process",
                    "1",
                    "cb9554e8-9f31-41a8-b4f5-d82144e6dc33",
                    MitreAttack.execution("T1059.001", "T1059.004"));

    @Override
    public Alert map(ProcessEvent event) {
        String eventId =
                EventIds.of(
                        RULE.id(),
                        event.hostKey,
                        Long.toString(event.timestamp),
                        event.eventId,
                        event.entityId,
                        event.pid == null ? null : event.pid.toString(),
                        event.commandLine,
                        event.parentCommandLine);
        EcsDocument doc = RULE.newAlert(event.timestamp, eventId).put("host.name", event.hostKey);
        EcsFields.putProcess(doc, event);
        doc.put("azure_runcommand.source_events", Json.MAPPER.createArrayNode().add(EcsFields.sourceRef(event)));
        return RULE.alert(doc, eventId, event.hostKey, event.timestamp);
    }
}
