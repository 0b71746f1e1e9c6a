package io.github.rcdetect.rules;

import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;

import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What every rule is given: the routed events of both streams (only candidates, see {@code domain.Candidates}),
 * timestamped and watermarked at their sources, and the settings of correlation rules.
 */
public record RuleInputs(
        DataStream<ActivityEvent> activity, DataStream<ProcessEvent> processes, CorrelationSettings settings) {}
