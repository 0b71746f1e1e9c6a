package io.github.rcdetect.rules.r1;

import io.github.rcdetect.alert.Alert;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The R1 alert CEP would build for an invocation and its correlated processes, for tests outside this package. */
public final class R1Alerts {
    private R1Alerts() {}

    public static Alert of(ActivityEvent runCommand, List<ProcessEvent> processes) {
        Invocation invocation = Invocation.of(runCommand);
        List<HostEvent> correlated = new ArrayList<>();
        for (ProcessEvent process : processes) {
            correlated.add(HostEvent.of(process));
        }
        return CorrelationAlert.alert(
                Map.of(
                        CorrelationPattern.INVOCATION, List.of(HostEvent.of(invocation)),
                        CorrelationPattern.PROCESSES, correlated));
    }
}
