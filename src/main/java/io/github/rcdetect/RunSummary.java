package io.github.rcdetect;

import io.github.rcdetect.alert.AlertStage;
import io.github.rcdetect.alert.exceptions.ExceptionFilter;
import io.github.rcdetect.alert.suppression.SuppressAlerts;
import io.github.rcdetect.event.EventStream;

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

    static RunSummary of(RunFigures figures, double seconds) {
        return new RunSummary(
                figures.recordsRead(EventStream.ACTIVITY),
                figures.recordsRead(EventStream.PROCESS),
                figures.deadLetters(),
                figures.lateRecords(),
                figures.perRule(AlertStage.ALERTS),
                figures.perRule(ExceptionFilter.DROPPED),
                figures.perRule(SuppressAlerts.SUPPRESSED),
                seconds);
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
