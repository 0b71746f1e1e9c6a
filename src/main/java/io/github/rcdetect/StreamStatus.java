package io.github.rcdetect;

import io.github.rcdetect.alert.AlertStage;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.metrics.LatestWatermark;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * What a local stream (bin/detect with Kafka) says on standard error (docs/operations.md, "What a run says"): one
 * line when the job runs, with the topics it found, then a status line every {@code --status-interval}: records read
 * per stream, alerts per rule, dead letters, late records, and how far each stream's event time lags the clock.
 * Nothing but failures with {@code --quiet}.
 */
final class StreamStatus {
    private static final Duration POLL = Duration.ofMillis(200);

    private final boolean quiet;
    private final Duration interval;
    private final PrintStream err;

    StreamStatus(boolean quiet, Duration interval, PrintStream err) {
        this.quiet = quiet;
        this.interval = interval;
        this.err = err;
    }

    /** Follows the job until it ends; its failure is thrown as the job threw it. */
    void follow(JobClient job, String running) throws Exception {
        try {
            while (!job.getJobExecutionResult().isDone() && job.getJobStatus().get() != JobStatus.RUNNING) {
                Thread.sleep(POLL.toMillis());
            }
            say(running);
            while (true) {
                try {
                    job.getJobExecutionResult().get(interval.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    RunFigures figures = figures(job);
                    if (figures != null) {
                        say(line(figures, job.getJobStatus().get(), System.currentTimeMillis()));
                    }
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The job's figures now; null when it is between states and has none to give. */
    private static RunFigures figures(JobClient job) throws InterruptedException {
        try {
            return new RunFigures(job.getAccumulators().get(10, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private void say(String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }

    /** The line saying the job runs, reading these topics (with their partition counts) from this cluster. */
    static String running(String bootstrapServers, Map<String, Integer> partitions, String alertsTopic) {
        return "detect: running; reading "
                + partitions.entrySet().stream()
                        .map(e ->
                                e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " partition)" : " partitions)"))
                        .collect(Collectors.joining(", "))
                + " at " + bootstrapServers + ", writing alerts to " + alertsTopic;
    }

    /**
     * {@code status: records read activity=120 process=3400, alerts R1=2 R2=5 R3=0 R4=0, dead letters 1, late
     * records 0, watermark lag activity=12 s process=3 s}; the job's state first when it is not running.
     */
    static String line(RunFigures figures, JobStatus status, long now) {
        return String.format(
                Locale.ROOT,
                "status%s: records read activity=%d process=%d, alerts %s, dead letters %d, late records %d,"
                        + " watermark lag activity=%s process=%s",
                status == JobStatus.RUNNING ? "" : " (" + status.name().toLowerCase(Locale.ROOT) + ")",
                figures.recordsRead(EventStream.ACTIVITY),
                figures.recordsRead(EventStream.PROCESS),
                figures.perRule(AlertStage.ALERTS).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" ")),
                figures.deadLetters(),
                figures.lateRecords(),
                lag(figures.watermark(EventStream.ACTIVITY), now),
                lag(figures.watermark(EventStream.PROCESS), now));
    }

    /** How far behind the clock a watermark is: {@code 12 s}, {@code 4 min}, {@code 3 h}, {@code 267 d}; - for none. */
    static String lag(long watermark, long now) {
        if (watermark == LatestWatermark.NONE) {
            return "-";
        }
        long seconds = Math.max(0, (now - watermark) / 1000);
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7_200) {
            return seconds / 60 + " min";
        }
        if (seconds < 172_800) {
            return seconds / 3_600 + " h";
        }
        return seconds / 86_400 + " d";
    }
}
