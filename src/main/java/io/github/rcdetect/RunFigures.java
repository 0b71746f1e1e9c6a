package io.github.rcdetect;

import io.github.rcdetect.alert.AlertStage;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.metrics.JobCounter;
import io.github.rcdetect.metrics.LatestWatermark;
import io.github.rcdetect.pipeline.DetectionPipeline;
import io.github.rcdetect.pipeline.InputRouter;
import io.github.rcdetect.rules.registry.Rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The job's counts as its accumulators give them, while it runs (progress, status lines) or when it has ended (the
 * summary): one reading of them for every line the job prints.
 */
record RunFigures(Map<String, Object> accumulators) {
    long count(String name, String label) {
        Object value = accumulators.get(JobCounter.accumulatorName(name, label));
        return value == null ? 0 : ((Number) value).longValue();
    }

    long recordsRead(EventStream stream) {
        return count(InputRouter.RECORDS_READ, stream.id());
    }

    long recordsRead() {
        return recordsRead(EventStream.ACTIVITY) + recordsRead(EventStream.PROCESS);
    }

    long fileBytesRead() {
        return count(InputRouter.FILE_BYTES_READ, EventStream.ACTIVITY.id())
                + count(InputRouter.FILE_BYTES_READ, EventStream.PROCESS.id());
    }

    /** Dead letters of every stream, the side topics' included. */
    long deadLetters() {
        long total = 0;
        for (EventStream stream : EventStream.values()) {
            total += count(InputRouter.DEAD_LETTER_COUNT, stream.id());
        }
        return total;
    }

    long lateRecords() {
        return count(DetectionPipeline.LATE_RECORDS, EventStream.ACTIVITY.id())
                + count(DetectionPipeline.LATE_RECORDS, EventStream.PROCESS.id());
    }

    /** Per rule id, every rule of the registry in its order. */
    Map<String, Long> perRule(String counter) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String rule : Rules.ids()) {
            counts.put(rule, count(counter, rule));
        }
        return counts;
    }

    long alerts() {
        return perRule(AlertStage.ALERTS).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** The event time a stream has reached; {@link LatestWatermark#NONE} before its first watermark. */
    long watermark(EventStream stream) {
        Object value = accumulators.get(LatestWatermark.accumulatorName(stream.id()));
        return value == null ? LatestWatermark.NONE : ((Number) value).longValue();
    }
}
