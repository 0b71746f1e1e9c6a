package io.github.rcdetect;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a bounded run shows on standard error while it runs (docs/operations.md, "What a run says"): the share of the
 * input files read, the records and their rate, alerts and dead letters so far. On a terminal one line redrawn in
 * place, with a bar; otherwise a plain line every {@link #LINE_INTERVAL}, so a log of a long backfill shows it is
 * moving; nothing with {@code --quiet}. The figures are the job's accumulators, which its task managers report with
 * every heartbeat.
 */
final class Progress {
    /** How often the job's figures reach its client: the task managers' heartbeat interval of a bounded run. */
    static final Duration FIGURES_INTERVAL = Duration.ofMillis(500);
    /** How often a plain progress line is written. */
    static final Duration LINE_INTERVAL = Duration.ofSeconds(10);

    private static final Duration BAR_INTERVAL = Duration.ofMillis(500);
    private static final int BAR_WIDTH = 24;

    /** How progress is shown. */
    enum Style {
        NONE,
        LINES,
        BAR;

        /** Nothing when quiet; a bar when bin/detect says standard error is a terminal; else lines. */
        static Style of(boolean quiet) {
            if (quiet) {
                return NONE;
            }
            return "terminal".equals(System.getProperty("rcdetect.stderr")) ? BAR : LINES;
        }
    }

    private final Style style;
    private final PrintStream err;
    private final Duration lineInterval;

    /** @param lineInterval how often a plain line is written */
    Progress(Style style, PrintStream err, Duration lineInterval) {
        this.style = style;
        this.err = err;
        this.lineInterval = lineInterval;
    }

    /**
     * Waits for the job's end, showing its progress through {@code totalBytes} of input; its failure is thrown as the
     * job threw it.
     */
    JobExecutionResult follow(JobClient job, long totalBytes, long startedNanos) throws Exception {
        try {
            if (style == Style.NONE) {
                return job.getJobExecutionResult().get();
            }
            Duration interval = style == Style.BAR ? BAR_INTERVAL : lineInterval;
            while (true) {
                try {
                    return job.getJobExecutionResult().get(interval.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    show(job, totalBytes, (System.nanoTime() - startedNanos) / 1e9);
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            if (style == Style.BAR) {
                err.print("\r" + " ".repeat(100) + "\r");
                err.flush();
            }
        }
    }

    private void show(JobClient job, long totalBytes, double seconds) {
        RunFigures figures;
        try {
            figures = new RunFigures(job.getAccumulators().get(1, TimeUnit.SECONDS));
        } catch (Exception e) {
            return; // the job is ending: its summary follows
        }
        String line = line(figures, totalBytes, seconds);
        if (style == Style.BAR) {
            err.print("\r" + bar(figures.fileBytesRead(), totalBytes) + " " + line.substring("progress: ".length()));
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** {@code progress: 41% of 812.4 MB, 512340 records (51234/s), alerts 12, dead letters 3, 10.0 s}. */
    static String line(RunFigures figures, long totalBytes, double seconds) {
        long records = figures.recordsRead();
        return String.format(
                Locale.ROOT,
                "progress: %d%% of %s, %d records (%d/s), alerts %d, dead letters %d, %.1f s",
                percent(figures.fileBytesRead(), totalBytes),
                megabytes(totalBytes),
                records,
                seconds > 0 ? Math.round(records / seconds) : 0,
                figures.alerts(),
                figures.deadLetters(),
                seconds);
    }

    static String bar(long done, long total) {
        int filled = (int) (BAR_WIDTH * percent(done, total) / 100);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    private static long percent(long done, long total) {
        return total <= 0 ? 100 : Math.min(100, done * 100 / total);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
