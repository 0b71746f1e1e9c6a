package io.github.rcdetect.rules.correlation;

import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.r1.HostEvent;
import io.github.rcdetect.rules.r1.Invocation;

import org.apache.flink.util.OutputTag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The detection CEP would build for an invocation and its correlated processes, for tests outside this package. */
public final class Correlations {
    private Correlations() {}

    public static Detection of(String ruleId, ActivityEvent runCommand, List<ProcessEvent> processes) {
        Invocation invocation = new Invocation();
        invocation.start(runCommand);
        List<HostEvent> correlated = new ArrayList<>();
        for (ProcessEvent process : processes) {
            HostEvent event = new HostEvent();
            event.process = process;
            correlated.add(event);
        }
        HostEvent start = new HostEvent();
        start.invocation = invocation;
        return new CorrelationDetections<HostEvent>(ruleId, new OutputTag<>("unused") {})
                .detection(Map.of(
                        CorrelationPattern.INVOCATION, List.of(start), CorrelationPattern.PROCESSES, correlated));
    }
}
