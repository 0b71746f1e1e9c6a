package io.github.rcdetect.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.testing.DetectionRun;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Differential test of R1 and R2: random scenarios through the real job on a MiniCluster must raise exactly the
 * alerts of {@link ReferenceModel}. Scenarios on different hosts are independent, so every try packs
 * {@value #SCENARIOS_PER_RUN} of them into one job run. A failure names the disagreeing scenarios; shrinking is off
 * because each step would be a job run, and the scenario is already isolated.
 */
@AddLifecycleHook(PropertyRunSettings.class)
class JobAgreesWithReferenceITCase {
    static final int SCENARIOS_PER_RUN = 100;
    /** Streams are shuffled by up to this much; the watermarks allow for more. */
    static final long DISORDER_MILLIS = 5_000;

    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(8);
    private static final Duration RUN_LIMIT = Duration.ofSeconds(90);

    private static final PropertyCluster CLUSTER = new PropertyCluster();
    private static final AtomicLong RUNS = new AtomicLong();
    private static final AtomicLong SCENARIOS = new AtomicLong();
    private static final AtomicLong RECORDS = new AtomicLong();
    private static final AtomicLong R1_ALERTS = new AtomicLong();
    private static final AtomicLong R2_ALERTS = new AtomicLong();

    @BeforeContainer
    static void startCluster() throws Exception {
        CLUSTER.start();
    }

    @AfterContainer
    static void stopCluster() {
        CLUSTER.stop();
        System.out.printf(
                "JobAgreesWithReferenceITCase: %d job runs, %d scenarios, %d records, %d R1 and %d R2 alerts agreed%n",
                RUNS.get(), SCENARIOS.get(), RECORDS.get(), R1_ALERTS.get(), R2_ALERTS.get());
    }

    @Provide
    Arbitrary<List<Scenario>> batches() {
        return Scenarios.batches(SCENARIOS_PER_RUN, true);
    }

    @Property(tries = 40, seed = "20260310", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void boundedRunRaisesExactlyTheReferenceAlerts(@ForAll("batches") List<Scenario> batch, @ForAll long layoutSeed)
            throws Exception {
        Path directory = Files.createTempDirectory("rcdetect-differential");
        try {
            ScenarioFiles files = ScenarioFiles.export(batch, new Random(layoutSeed), directory);
            DetectionRun.Result result = CLUSTER.within(
                    RUN_LIMIT, () -> new DetectionRun(directory).runFiles(files.activityFiles(), files.processFiles()));
            assertThat(result.deadLetters()).isEmpty();
            assertThat(result.lateRecords()).isEmpty();
            Agreement.check(batch, ReferenceModel.alerts(batch, files), result.alerts(), false);
            count(batch, result);
        } finally {
            delete(directory);
        }
    }

    @Property(tries = 16, seed = "20260311", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void streamingRunWithWatermarksRaisesExactlyTheReferenceAlerts(
            @ForAll("batches") List<Scenario> batch, @ForAll long orderSeed) throws Exception {
        Path directory = Files.createTempDirectory("rcdetect-differential-stream");
        try {
            ScenarioFiles files = ScenarioFiles.stream(batch, new Random(orderSeed), DISORDER_MILLIS, directory);
            DetectionRun.Result result = CLUSTER.within(
                    RUN_LIMIT,
                    () -> new DetectionRun(directory)
                            .watermarks(EveryRecordWatermarks.strategy(OUT_OF_ORDERNESS))
                            .runFiles(files.activityFiles(), files.processFiles()));
            assertThat(result.deadLetters()).isEmpty();
            // Disorder stays within the bound, so nothing may be late.
            assertThat(result.lateRecords()).isEmpty();
            Agreement.check(batch, ReferenceModel.alerts(batch, files), result.alerts(), true);
            count(batch, result);
        } finally {
            delete(directory);
        }
    }

    private static void count(List<Scenario> batch, DetectionRun.Result result) {
        RUNS.incrementAndGet();
        SCENARIOS.addAndGet(batch.size());
        batch.forEach(scenario -> RECORDS.addAndGet(
                scenario.activity().size() + scenario.processes().size()));
        R1_ALERTS.addAndGet(result.alerts("R1").size());
        R2_ALERTS.addAndGet(result.alerts("R2").size());
    }

    static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
