package io.github.rcdetect.alert;

import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.metrics.CountByLabel;

import org.apache.flink.streaming.api.datastream.DataStream;

import java.util.List;

/**
 * The one stage between the rules and the sinks that sees every detection: it counts them per rule. (Exceptions
 * and alert suppression, docs/spec.md sections 11 and 12, belong here.)
 */
public final class AlertStage {
    /** The counter of alerts, labelled by rule. */
    public static final String ALERTS = "alerts";

    private AlertStage() {}

    /** @param ruleIds every rule of the registry */
    public static DataStream<Detection> apply(DataStream<Detection> detections, List<String> ruleIds) {
        return detections
                .map(new CountByLabel<>(ALERTS, "rule", detection -> detection.ruleId, ruleIds.toArray(new String[0])))
                .name("count alerts")
                .uid("count-alerts");
    }
}
