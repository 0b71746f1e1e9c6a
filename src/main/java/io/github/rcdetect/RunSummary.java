package io.github.rcdetect;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.metrics.JobCounter;

import org.apache.flink.api.common.JobExecutionResult;

/** The counts a bounded run reports when it ends. */
public record RunSummary(
        long activityRecords,
        long processRecords,
        long deadLetters,
        long lateRecords,
        long r1Alerts,
        long r2Alerts,
        double seconds) {

    static RunSummary of(JobExecutionResult result, double seconds) {
        String activity = EventStream.ACTIVITY.id();
        String process = EventStream.PROCESS.id();
        return new RunSummary(
                count(result, InputRouter.RECORDS_READ, activity),
                count(result, InputRouter.RECORDS_READ, process),
                count(result, InputRouter.DEAD_LETTER_COUNT, activity)
                        + count(result, InputRouter.DEAD_LETTER_COUNT, process),
                count(result, DetectionTopology.LATE_RECORDS, activity)
                        + count(result, DetectionTopology.LATE_RECORDS, process),
                count(result, DetectionTopology.ALERTS, "R1"),
                count(result, DetectionTopology.ALERTS, "R2"),
                seconds);
    }

    private static long count(JobExecutionResult result, String name, String label) {
        Object value = result.getAccumulatorResult(JobCounter.accumulatorName(name, label));
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** One line: records read per stream, dead letters, late records, alerts per rule, seconds. */
    public String line() {
        return String.format(
                java.util.Locale.ROOT,
                "summary: records read activity=%d process=%d, dead letters %d, late records %d,"
                        + " alerts R1=%d R2=%d, %.1f s",
                activityRecords,
                processRecords,
                deadLetters,
                lateRecords,
                r1Alerts,
                r2Alerts,
                seconds);
    }
}
