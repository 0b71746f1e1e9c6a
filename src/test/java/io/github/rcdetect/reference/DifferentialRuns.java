package io.github.rcdetect.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.parse.InventoryRecords;
import io.github.rcdetect.parse.ParserLimits;
import io.github.rcdetect.testing.DetectionRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The job runs of a differential property, on a MiniCluster of its own: a batch of scenarios written as an export or
 * as a stream (with its host inventory, which the job reads as {@code --host-inventory} does), through the real job,
 * must give exactly the alerts of {@link ReferenceModel}, no dead letter, no late record, and no RunAs password in any
 * alert. Counts what agreed, for the closing line of the property's container.
 */
final class DifferentialRuns {
    /** Streams are shuffled by up to this much; the watermarks allow for more. */
    static final long DISORDER_MILLIS = 5_000;

    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(8);
    private static final Duration RUN_LIMIT = Duration.ofSeconds(90);

    private final String name;
    private final PropertyCluster cluster = new PropertyCluster();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong scenarios = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final Map<String, AtomicLong> alerts = new ConcurrentSkipListMap<>();

    DifferentialRuns(String name) {
        this.name = name;
    }

    void start() throws Exception {
        cluster.start();
    }

    /** Stops the cluster and says what agreed. */
    void stop() {
        cluster.stop();
        System.out.printf(
                "%s: %d job runs, %d scenarios, %d records, alerts agreed: %s%n",
                name,
                runs.get(),
                scenarios.get(),
                records.get(),
                alerts.entrySet().stream()
                        .map(rule -> rule.getValue() + " " + rule.getKey())
                        .collect(Collectors.joining(", ")));
    }

    /** An export of the batch: lines shuffled, files split and Event Hub batches drawn from {@code layoutSeed}. */
    void bounded(List<Scenario> batch, long layoutSeed) throws Exception {
        check(batch, false, directory -> ScenarioFiles.export(batch, new Random(layoutSeed), directory));
    }

    /** A stream of the batch in time order, shuffled within the disorder by {@code orderSeed}, a watermark a record. */
    void streaming(List<Scenario> batch, long orderSeed) throws Exception {
        check(batch, true, directory -> ScenarioFiles.stream(batch, new Random(orderSeed), DISORDER_MILLIS, directory));
    }

    private interface Layout {
        ScenarioFiles write(Path directory) throws IOException;
    }

    private void check(List<Scenario> batch, boolean streaming, Layout layout) throws Exception {
        Path directory = Files.createTempDirectory("rcdetect-differential");
        try {
            ScenarioFiles files = layout.write(directory);
            DetectionRun run = new DetectionRun(directory)
                    .inventory(new InventoryRecords(ParserLimits.defaults()).readFiles(files.inventoryFiles()));
            if (streaming) {
                run.watermarks(EveryRecordWatermarks.strategy(OUT_OF_ORDERNESS));
            }
            DetectionRun.Result result =
                    cluster.within(RUN_LIMIT, () -> run.runFiles(files.activityFiles(), files.processFiles()));
            assertThat(result.deadLetters()).isEmpty();
            // A stream's disorder stays within the bound, so nothing may be late.
            assertThat(result.lateRecords()).isEmpty();
            assertThat(result.alerts()).noneMatch(alert -> alert.toString().contains(Scenarios.RUNAS_PASSWORD));
            Agreement.check(batch, ReferenceModel.alerts(batch, files), result.alerts(), streaming);
            count(batch, result);
        } finally {
            delete(directory);
        }
    }

    private void count(List<Scenario> batch, DetectionRun.Result result) {
        runs.incrementAndGet();
        scenarios.addAndGet(batch.size());
        batch.forEach(scenario -> records.addAndGet(
                scenario.activity().size() + scenario.processes().size()));
        result.alerts()
                .forEach(alert -> alerts.computeIfAbsent(alert.at("/rule/id").asText(), rule -> new AtomicLong())
                        .incrementAndGet());
    }

    static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
