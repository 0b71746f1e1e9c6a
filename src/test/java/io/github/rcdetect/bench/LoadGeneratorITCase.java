package io.github.rcdetect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.testing.DetectionRun;
import io.github.rcdetect.testing.TestClusters;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The benchmark load is what it claims: the same for the same seed, and the job finds exactly its planted attacks. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LoadGeneratorITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(2);

    private static final LoadGenerator.Settings SMALL =
            new LoadGenerator.Settings(11, 500, 20_000, 0.05, 5, 0.02, 1800, 5, Instant.parse("2026-03-10T00:00:00Z"));

    @TempDir
    Path directory;

    @Test
    void theSameSettingsGiveTheSameLoad() {
        List<String> first = lines(new LoadGenerator(SMALL).plan());

        assertThat(lines(new LoadGenerator(SMALL).plan())).isEqualTo(first);
        assertThat(lines(new LoadGenerator(withSeed(SMALL, 12)).plan())).isNotEqualTo(first);
    }

    @Test
    void theJobFindsExactlyThePlantedAttacks() throws Exception {
        LoadGenerator.Output load = new LoadGenerator(SMALL).generate(directory);

        DetectionRun.Result result =
                new DetectionRun(directory).runFiles(List.of(load.activity()), List.of(load.process()));

        assertThat(load.expectedR1()).isEqualTo(SMALL.attacks()).isEqualTo(200);
        assertThat(result.alerts("R1")).hasSize((int) load.expectedR1());
        assertThat(result.alerts("R2")).hasSize((int) load.expectedR2());
        assertThat(result.alerts("R1"))
                .allSatisfy(alert -> assertThat(
                                alert.at("/azure_runcommand/process_count").asInt())
                        .isEqualTo(SMALL.childrenPerAttack()));
        assertThat(result.deadLetters()).isEmpty();
        assertThat(result.counter("recordsRead.process")).isEqualTo(load.processRecords());
        assertThat(result.counter("recordsRead.activity")).isEqualTo(load.activityRecords());
    }

    /** Every line of both streams, as written. */
    private static List<String> lines(LoadGenerator.Plan plan) {
        List<String> lines = new ArrayList<>();
        plan.activity().forEach(line -> lines.add(plan.activityJson(line)));
        plan.process().forEach(line -> lines.add(plan.processJson(line)));
        return lines;
    }

    private static LoadGenerator.Settings withSeed(LoadGenerator.Settings settings, long seed) {
        return new LoadGenerator.Settings(
                seed,
                settings.hosts(),
                settings.processEvents(),
                settings.matchFraction(),
                settings.childrenPerAttack(),
                settings.activityPerProcess(),
                settings.spanSeconds(),
                settings.outOfOrdernessSeconds(),
                settings.start());
    }
}
