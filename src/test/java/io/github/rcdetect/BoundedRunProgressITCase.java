package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.config.JobConfig;
import io.github.rcdetect.testing.TestClusters;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A bounded run's progress lines appear while it runs, and --quiet leaves none. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BoundedRunProgressITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(2);

    @TempDir
    Path directory;

    private List<String> progressLines(String... extra) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(
                "--activity",
                "testdata/activity",
                "--process",
                "testdata/process",
                "--alerts",
                directory.resolve("alerts.ndjson").toString(),
                "--dead-letter",
                directory.resolve("dead-letters.ndjson").toString()));
        args.addAll(List.of(extra));
        JobConfig config = JobConfig.fromArgs(args.toArray(String[]::new));
        RunSummary summary = BoundedRun.run(
                config,
                new Progress(
                        Progress.Style.of(config.quiet()),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Duration.ofMillis(50)));
        assertThat(summary.alerts().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(18);
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void progressLinesAppearWhileTheRunRuns() throws Exception {
        assertThat(progressLines())
                .isNotEmpty()
                .allMatch(
                        line -> line.matches("progress: \\d{1,3}% of 0\\.1 MB, \\d+ records \\(\\d+/s\\), alerts \\d+,"
                                + " dead letters \\d+, \\d+\\.\\d s"));
    }

    @Test
    void quietRunsShowNone() throws Exception {
        assertThat(progressLines("--quiet")).isEmpty();
    }
}
