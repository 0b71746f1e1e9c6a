package io.github.rcdetect.rules;

import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.event.LateRecord;

import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What a rule gives back: its detections, and the inputs that arrived too late for it to use (null for a rule
 * that holds no event-time state, so nothing can be late for it).
 */
public record RuleOutput(DataStream<Detection> detections, DataStream<LateRecord> lateRecords) {
    public static RuleOutput detectionsOnly(DataStream<Detection> detections) {
        return new RuleOutput(detections, null);
    }
}
