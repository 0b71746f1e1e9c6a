package io.github.rcdetect.rules.childprocess;

import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.detection.EventIds;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.RuleOutput;
import io.github.rcdetect.serialization.WireTypes;

import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.util.Locale;

/**
 * The engine of the script-child rules (R2, R4): a stateless filter, and one detection per matching process.
 * Operator uids start with the rule's id in lower case ({@code r2-filter}, {@code r2-alert}).
 */
public final class ChildProcessDetection implements MapFunction<ProcessEvent, Detection> {
    private static final long serialVersionUID = 1L;

    private final String ruleId;

    public ChildProcessDetection(String ruleId) {
        this.ruleId = ruleId;
    }

    /** The rule's detections: one per process {@code condition} accepts. */
    public static RuleOutput apply(
            DataStream<ProcessEvent> processes,
            String ruleId,
            String description,
            FilterFunction<ProcessEvent> condition) {
        String uid = ruleId.toLowerCase(Locale.ROOT);
        return RuleOutput.detectionsOnly(processes
                .filter(condition)
                .name(ruleId + " " + description)
                .uid(uid + "-filter")
                .map(new ChildProcessDetection(ruleId), WireTypes.DETECTION)
                .name(ruleId + " detection")
                .uid(uid + "-alert"));
    }

    @Override
    public Detection map(ProcessEvent event) {
        String eventId = EventIds.of(
                ruleId,
                event.hostName,
                Long.toString(event.timestamp),
                event.eventId,
                event.entityId,
                event.pid == null ? null : event.pid.toString(),
                event.commandLine,
                event.parentCommandLine);
        return Detection.ofProcess(ruleId, eventId, event.hostName, event);
    }
}
