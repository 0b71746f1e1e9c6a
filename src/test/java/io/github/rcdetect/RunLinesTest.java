package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.metrics.LatestWatermark;

import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The lines a run prints while it runs and when it fails (docs/operations.md, "What a run says"). */
class RunLinesTest {
    private static final long NOW = Instant.parse("2026-03-10T12:00:00Z").toEpochMilli();

    private static RunFigures figures() {
        Map<String, Object> accumulators = new LinkedHashMap<>();
        accumulators.put("recordsRead.activity", 1_200L);
        accumulators.put("recordsRead.process", 510_000L);
        accumulators.put("fileBytesRead.activity", 4_000_000L);
        accumulators.put("fileBytesRead.process", 300_000_000L);
        accumulators.put("deadLetters.process", 3L);
        accumulators.put("deadLetters.exceptions", 1L);
        accumulators.put("lateRecords.activity", 2L);
        accumulators.put("alerts.R1", 4L);
        accumulators.put("alerts.R2", 8L);
        accumulators.put("watermark.activity", NOW - 12_400L);
        return new RunFigures(accumulators);
    }

    @Test
    void aProgressLineGivesTheShareReadTheRecordsAndTheirRateAlertsAndDeadLetters() {
        assertThat(Progress.line(figures(), 812_400_000L, 10.0))
                .isEqualTo("progress: 37% of 812.4 MB, 511200 records (51120/s), alerts 12, dead letters 4, 10.0 s");
        assertThat(Progress.bar(304_000_000L, 812_400_000L)).isEqualTo("[########................]");
        assertThat(Progress.bar(5, 0)).as("no bytes to read: done").isEqualTo("[########################]");
    }

    @Test
    void aStatusLineGivesRecordsAlertsDeadLettersLateRecordsAndTheWatermarkLagOfEachStream() {
        assertThat(StreamStatus.line(figures(), JobStatus.RUNNING, NOW))
                .isEqualTo("status: records read activity=1200 process=510000, alerts R1=4 R2=8 R3=0 R4=0, dead"
                        + " letters 4, late records 2, watermark lag activity=12 s process=-");
        assertThat(StreamStatus.line(figures(), JobStatus.RESTARTING, NOW)).startsWith("status (restarting): ");
        assertThat(StreamStatus.running("127.0.0.1:9092", Map.of("azure-activity", 3), "runcommand-alerts"))
                .isEqualTo("detect: running; reading azure-activity (3 partitions) at 127.0.0.1:9092, writing"
                        + " alerts to runcommand-alerts");
    }

    @Test
    void lagsReadInTheUnitThatFitsThem() {
        assertThat(StreamStatus.lag(LatestWatermark.NONE, NOW)).isEqualTo("-");
        assertThat(StreamStatus.lag(NOW + 5_000, NOW)).as("ahead of the clock").isEqualTo("0 s");
        assertThat(StreamStatus.lag(NOW - 119_999, NOW)).isEqualTo("119 s");
        assertThat(StreamStatus.lag(NOW - 3_600_000, NOW)).isEqualTo("60 min");
        assertThat(StreamStatus.lag(NOW - 30 * 3_600_000L, NOW)).isEqualTo("30 h");
        assertThat(StreamStatus.lag(NOW - 267 * 86_400_000L, NOW)).isEqualTo("267 d");
    }

    @Test
    void aFailureIsOneLineNamingTheFileAndWhyWhenAFileIsAtFault() {
        assertThat(Failures.describe(new RuntimeException(
                        "Job execution failed", new UncheckedIOException(new NoSuchFileException("in/a.ndjson")))))
                .isEqualTo("cannot use in/a.ndjson (no such file)");
        assertThat(Failures.describe(new Exception(new AccessDeniedException("out/alerts.ndjson"))))
                .isEqualTo("cannot use out/alerts.ndjson (permission denied)");
        assertThat(Failures.describe(
                        new Exception(new FileNotFoundException("in/b.ndjson (No such file or directory)"))))
                .isEqualTo("cannot use in/b.ndjson (No such file or directory)");
        assertThat(Failures.describe(new IllegalStateException("cannot reach Kafka at b:1 within 60 s (x)")))
                .isEqualTo("cannot reach Kafka at b:1 within 60 s (x)");
        assertThat(Failures.describe(new Exception("outer", new ArithmeticException("/ by zero"))))
                .isEqualTo("the job failed: ArithmeticException: / by zero");
    }
}
