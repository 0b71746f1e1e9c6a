package io.github.rcdetect;

import io.github.rcdetect.alert.AlertStage;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.metrics.JobCounter;
import io.github.rcdetect.pipeline.DetectionPipeline;
import io.github.rcdetect.pipeline.InputRouter;
import io.github.rcdetect.rules.registry.Rules;

import org.apache.flink.api.common.JobExecutionResult;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The counts a bounded run reports when it ends.
 *
 * @param alerts alerts per rule id, every rule of the registry in its order
 */
public record RunSummary(
        long activityRecords,
        long processRecords,
        long deadLetters,
        long lateRecords,
        Map<String, Long> alerts,
        double seconds) {

    static RunSummary of(JobExecutionResult result, double seconds) {
        String activity = EventStream.ACTIVITY.id();
        String process = EventStream.PROCESS.id();
        Map<String, Long> alerts = new LinkedHashMap<>();
        for (String rule : Rules.ids()) {
            alerts.put(rule, count(result, AlertStage.ALERTS, rule));
        }
        return new RunSummary(
                count(result, InputRouter.RECORDS_READ, activity),
                count(result, InputRouter.RECORDS_READ, process),
                count(result, InputRouter.DEAD_LETTER_COUNT, activity)
                        + count(result, InputRouter.DEAD_LETTER_COUNT, process),
                count(result, DetectionPipeline.LATE_RECORDS, activity)
                        + count(result, DetectionPipeline.LATE_RECORDS, process),
                alerts,
                seconds);
    }

    private static long count(JobExecutionResult result, String name, String label) {
        Object value = result.getAccumulatorResult(JobCounter.accumulatorName(name, label));
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** One line: records read per stream, dead letters, late records, alerts per rule, seconds. */
    public String line() {
        return String.format(
                Locale.ROOT,
                "summary: records read activity=%d process=%d, dead letters %d, late records %d, alerts %s, %.1f s",
                activityRecords,
                processRecords,
                deadLetters,
                lateRecords,
                alerts.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" ")),
                seconds);
    }
}
