package io.github.rcdetect;

import io.github.rcdetect.alert.AlertStage;
import io.github.rcdetect.alert.exceptions.ExceptionFilter;
import io.github.rcdetect.alert.suppression.SuppressAlerts;
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
 * @param alerts alerts written per rule id, every rule of the registry in its order
 * @param droppedByExceptions alerts an exception dropped, per rule id
 * @param suppressed alerts suppressed into a group's alert, per rule id
 */
public record RunSummary(
        long activityRecords,
        long processRecords,
        long deadLetters,
        long lateRecords,
        Map<String, Long> alerts,
        Map<String, Long> droppedByExceptions,
        Map<String, Long> suppressed,
        double seconds) {

    static RunSummary of(JobExecutionResult result, double seconds) {
        String activity = EventStream.ACTIVITY.id();
        String process = EventStream.PROCESS.id();
        Map<String, Long> alerts = perRule(result, AlertStage.ALERTS);
        return new RunSummary(
                count(result, InputRouter.RECORDS_READ, activity),
                count(result, InputRouter.RECORDS_READ, process),
                count(result, InputRouter.DEAD_LETTER_COUNT, activity)
                        + count(result, InputRouter.DEAD_LETTER_COUNT, process),
                count(result, DetectionPipeline.LATE_RECORDS, activity)
                        + count(result, DetectionPipeline.LATE_RECORDS, process),
                alerts,
                perRule(result, ExceptionFilter.DROPPED),
                perRule(result, SuppressAlerts.SUPPRESSED),
                seconds);
    }

    private static Map<String, Long> perRule(JobExecutionResult result, String counter) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String rule : Rules.ids()) {
            counts.put(rule, count(result, counter, rule));
        }
        return counts;
    }

    /** The total, and the rules that have any: {@code 3 (R2=3)}; {@code 0} for none. */
    private static String totalByRule(Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "0";
        }
        return total + " ("
                + counts.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" "))
                + ")";
    }

    private static long count(JobExecutionResult result, String name, String label) {
        Object value = result.getAccumulatorResult(JobCounter.accumulatorName(name, label));
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * One line: records read per stream, dead letters, late records, alerts per rule, alerts dropped by exceptions and
     * suppressed, seconds.
     */
    public String line() {
        return String.format(
                Locale.ROOT,
                "summary: records read activity=%d process=%d, dead letters %d, late records %d, alerts %s,"
                        + " dropped by exceptions %s, suppressed %s, %.1f s",
                activityRecords,
                processRecords,
                deadLetters,
                lateRecords,
                alerts.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" ")),
                totalByRule(droppedByExceptions),
                totalByRule(suppressed),
                seconds);
    }
}
