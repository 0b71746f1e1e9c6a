package io.github.rcdetect.testing;

import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.output.AlertDocument;
import io.github.rcdetect.output.AlertDocuments;
import io.github.rcdetect.rules.childprocess.ChildProcessDetection;
import io.github.rcdetect.rules.correlation.Correlations;
import io.github.rcdetect.rules.registry.Rules;

import java.util.List;

/** Alert documents as the job renders them, built from events directly, for tests of the output path. */
public final class Alerts {
    private static final AlertDocuments DOCUMENTS = new AlertDocuments(Rules.metadata());

    private Alerts() {}

    public static AlertDocument render(Detection detection) {
        return DOCUMENTS.map(detection);
    }

    /** The alert of a process rule for one process. */
    public static AlertDocument ofProcess(String ruleId, ProcessEvent process) {
        return render(new ChildProcessDetection(ruleId).map(process));
    }

    /** The alert of a correlation rule for one Run Command record and the processes correlated with it. */
    public static AlertDocument ofCorrelation(String ruleId, ActivityEvent runCommand, List<ProcessEvent> processes) {
        return render(Correlations.of(ruleId, runCommand, processes));
    }
}
