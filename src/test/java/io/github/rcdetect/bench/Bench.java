package io.github.rcdetect.bench;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.io.file.FileInputs;
import io.github.rcdetect.io.file.JacksonTreeFormat;
import io.github.rcdetect.metrics.JobCounter;
import io.github.rcdetect.parse.ParserLimits;
import io.github.rcdetect.pipeline.DetectionPipeline;
import io.github.rcdetect.rules.CorrelationSettings;
import io.github.rcdetect.testing.DiscardingSinks;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput and memory of the job on generated load, against the limit set by merely parsing every record with
 * Jackson. Run through {@code bin/bench}; see its usage.
 */
public final class Bench {
    private static final int PARALLELISM = 2;

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.state) {
            state(options);
        } else if (options.whole) {
            LoadGenerator.Settings settings = options.settings(options.hosts);
            System.out.printf(Locale.ROOT, "generating: %s%n", describe(settings));
            WholeProcessBench.run(new LoadGenerator(settings).generate(Paths.get("target/bench")), options.rounds);
        } else {
            throughput(options);
        }
    }

    /** (a) parse-only baseline and (b) the detection job, on the same generated files. */
    private static void throughput(Options options) throws Exception {
        LoadGenerator.Settings settings = options.settings(options.hosts);
        System.out.printf(Locale.ROOT, "generating: %s%n", describe(settings));
        long generating = System.nanoTime();
        LoadGenerator.Output load = new LoadGenerator(settings).generate(Paths.get("target/bench"));
        long records = load.activityRecords() + load.processRecords();
        System.out.printf(
                Locale.ROOT,
                "  %,d activity records, %,d process events (%.1f s)%n",
                load.activityRecords(),
                load.processRecords(),
                seconds(generating));

        if (options.profileDetection) {
            for (int round = 0; round < options.rounds; round++) {
                Run run = measure(() -> detect(load, settings));
                System.out.printf(Locale.ROOT, "detection job: %,12.0f records/s%n", records / run.seconds);
            }
            return;
        }
        Run baseline = null;
        Run detection = null;
        for (int round = 1; round <= options.rounds; round++) {
            Run parsed = measure(() -> parseOnly(load));
            Run detected = measure(() -> detect(load, settings));
            System.out.printf(
                    Locale.ROOT,
                    "round %d: (a) %,.0f records/s, (b) %,.0f records/s%n",
                    round,
                    records / parsed.seconds,
                    records / detected.seconds);
            baseline = best(baseline, parsed);
            detection = best(detection, detected);
        }
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "(a) parse-only baseline: %,12.0f records/s   %6.2f s   peak heap after GC %,5d MiB%n",
                records / baseline.seconds,
                baseline.seconds,
                baseline.peakHeap >> 20);
        System.out.printf(
                Locale.ROOT,
                "(b) detection job:       %,12.0f records/s   %6.2f s   peak heap after GC %,5d MiB%n",
                records / detection.seconds,
                detection.seconds,
                detection.peakHeap >> 20);
        System.out.printf(Locale.ROOT, "ratio b/a: %.2f%n", baseline.seconds / detection.seconds);
        long r1 = count(detection.result, "alerts", "R1");
        long r2 = count(detection.result, "alerts", "R2");
        System.out.printf(
                Locale.ROOT,
                "alerts: R1 %,d of %,d expected, R2 %,d of %,d expected%s%n",
                r1,
                load.expectedR1(),
                r2,
                load.expectedR2(),
                r1 == load.expectedR1() && r2 == load.expectedR2() ? "" : "   MISMATCH");
        System.out.printf(
                Locale.ROOT,
                "late records: %,d, dead letters: %,d%n",
                count(detection.result, "lateRecords", "activity") + count(detection.result, "lateRecords", "process"),
                count(detection.result, "deadLetters", "activity") + count(detection.result, "deadLetters", "process"));
        if (r1 != load.expectedR1() || r2 != load.expectedR2()) {
            System.exit(1);
        }
    }

    /**
     * Heap after GC while the detection job runs over the same load spread over few and over very many hosts: one
     * unmeasured warm-up run, then the two alternately, twice each, so neither gains from running later in the JVM.
     */
    private static void state(Options options) throws Exception {
        int[] hostCounts = {10_000, 1_000_000};
        LoadGenerator.Settings[] settings = new LoadGenerator.Settings[hostCounts.length];
        LoadGenerator.Output[] loads = new LoadGenerator.Output[hostCounts.length];
        for (int i = 0; i < hostCounts.length; i++) {
            settings[i] = options.settings(hostCounts[i]);
            System.out.printf(Locale.ROOT, "generating: %s%n", describe(settings[i]));
            loads[i] = new LoadGenerator(settings[i]).generate(Paths.get("target/bench"));
        }
        detect(loads[0], settings[0]);
        List<List<Long>> samples = List.of(new ArrayList<>(), new ArrayList<>());
        for (int round = 1; round <= 2; round++) {
            for (int i = 0; i < hostCounts.length; i++) {
                HeapAfterGc heap = new HeapAfterGc();
                heap.start();
                long started = System.nanoTime();
                JobExecutionResult result = detect(loads[i], settings[i]);
                heap.stopSampling();
                samples.get(i).addAll(heap.samples);
                System.out.printf(
                        Locale.ROOT,
                        "  %,9d hosts, run %d: %,d records in %.1f s; heap after GC: median %,d MiB, max %,d MiB over"
                                + " %d samples; alerts R1 %,d/%,d R2 %,d/%,d%n",
                        hostCounts[i],
                        round,
                        loads[i].activityRecords() + loads[i].processRecords(),
                        seconds(started),
                        median(heap.samples) >> 20,
                        max(heap.samples) >> 20,
                        heap.samples.size(),
                        count(result, "alerts", "R1"),
                        loads[i].expectedR1(),
                        count(result, "alerts", "R2"),
                        loads[i].expectedR2());
            }
        }
        long few = median(samples.get(0));
        long many = median(samples.get(1));
        double change = 100.0 * (many - few) / few;
        System.out.printf(
                Locale.ROOT,
                "heap after GC, median of both runs: %,d MiB with 10,000 hosts, %,d MiB with 1,000,000: %+.1f %%%s%n",
                few >> 20,
                many >> 20,
                change,
                Math.abs(change) <= 10 ? "" : "   OVER 10 %");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** (a): every line read as the job reads it and parsed into a full Jackson tree, nothing else. */
    private static JobExecutionResult parseOnly(LoadGenerator.Output load) throws Exception {
        StreamExecutionEnvironment env = environment();
        FileSource<Integer> source = FileSource.forBulkFileFormat(
                        new JacksonTreeFormat(),
                        Path.fromLocalFile(load.activity().toFile()),
                        Path.fromLocalFile(load.process().toFile()))
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "lines").sinkTo(new DiscardingSink<>());
        return env.execute("bench: parse only");
    }

    /** (b): the detection as the streaming job runs it, over the files, with its watermarks and state. */
    private static JobExecutionResult detect(LoadGenerator.Output load, LoadGenerator.Settings settings)
            throws Exception {
        StreamExecutionEnvironment env = environment();
        WatermarkStrategy<InputRecord> watermarks = WatermarkStrategy.<InputRecord>forBoundedOutOfOrderness(
                        Duration.ofSeconds(settings.outOfOrdernessSeconds() + 1))
                .withTimestampAssigner((record, previous) -> record.eventTime());
        ParserLimits limits = ParserLimits.defaults();
        DataStream<InputRecord> activity =
                FileInputs.source(env, EventStream.ACTIVITY, List.of(load.activity()), limits, watermarks);
        DataStream<InputRecord> process =
                FileInputs.source(env, EventStream.PROCESS, List.of(load.process()), limits, watermarks);
        DetectionPipeline.build(activity, process, CorrelationSettings.defaults(), new DiscardingSinks());
        return env.execute("bench: detection");
    }

    private static StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(DetectionPipeline.jobConfiguration());
        env.setParallelism(PARALLELISM);
        return env;
    }

    /** A timed run and the heap it peaked at. */
    private record Run(JobExecutionResult result, double seconds, long peakHeap) {}

    @FunctionalInterface
    private interface Job {
        JobExecutionResult run() throws Exception;
    }

    private static Run measure(Job job) throws Exception {
        System.gc();
        PeakHeap peak = new PeakHeap();
        peak.start();
        JobExecutionResult result = job.run();
        // The job's own run time: the local cluster's start-up is no part of either job's cost.
        double seconds = result.getNetRuntime() / 1000.0;
        return new Run(result, seconds, peak.stopSampling());
    }

    private static Run best(Run previous, Run next) {
        return previous == null || next.seconds < previous.seconds ? next : previous;
    }

    /**
     * Samples every 20 ms what the heap held after its latest collection (summed over the heap pools): the peak of what
     * a job keeps alive, unlike the used heap, which mostly shows how full the young generation happened to be.
     */
    private static final class PeakHeap extends Thread {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;

        PeakHeap() {
            setDaemon(true);
        }

        @Override
        public void run() {
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                    .toList();
            while (running) {
                long afterGc = heapPools.stream()
                        .mapToLong(pool -> pool.getCollectionUsage().getUsed())
                        .sum();
                peak.accumulateAndGet(afterGc, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stopSampling() throws InterruptedException {
            running = false;
            join();
            return peak.get();
        }
    }

    /** Forces a full GC every 250 ms (after the first second) and records the heap left: what the job really keeps. */
    private static final class HeapAfterGc extends Thread {
        private final List<Long> samples = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean running = true;

        HeapAfterGc() {
            setDaemon(true);
        }

        @Override
        public void run() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            try {
                Thread.sleep(1000);
                while (running) {
                    memory.gc();
                    samples.add(memory.getHeapMemoryUsage().getUsed());
                    Thread.sleep(250);
                }
            } catch (InterruptedException e) {
                // stopped
            }
        }

        void stopSampling() throws InterruptedException {
            running = false;
            join();
        }
    }

    private static long count(JobExecutionResult result, String name, String label) {
        Object value = result.getAccumulatorResult(JobCounter.accumulatorName(name, label));
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String describe(LoadGenerator.Settings settings) {
        return String.format(
                Locale.ROOT,
                "%,d process events over %,d hosts in %d min of event time, %.1f %% of them Run Command children"
                        + " (%,d attacks), %.0f activity records per 1000 events, out-of-order by up to %d s, seed %d",
                settings.processEvents(),
                settings.hosts(),
                settings.spanSeconds() / 60,
                settings.matchFraction() * 100,
                settings.attacks(),
                settings.activityPerProcess() * 1000,
                settings.outOfOrdernessSeconds(),
                settings.seed());
    }

    /** Command-line options of the bench. */
    private static final class Options {
        long events = 3_000_000;
        int hosts = 10_000;
        /** Fraction of process events that are script children; the state run defaults to 5 %, for more state. */
        Double match;

        int rounds = 3;
        long seed = 42;
        boolean state;
        /** bin/detect as a whole process against one thread of Jackson. */
        boolean whole;
        /** Only the detection job, for a profiler. */
        boolean profileDetection;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--events" -> options.events = Long.parseLong(args[++i]);
                    case "--hosts" -> options.hosts = Integer.parseInt(args[++i]);
                    case "--match" -> options.match = Double.parseDouble(args[++i]);
                    case "--stress" -> options.match = 0.10;
                    case "--rounds" -> options.rounds = Integer.parseInt(args[++i]);
                    case "--seed" -> options.seed = Long.parseLong(args[++i]);
                    case "--state" -> options.state = true;
                    case "--whole" -> options.whole = true;
                    case "--detection-only" -> options.profileDetection = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (options.match == null) {
                options.match = options.state ? 0.05 : 0.01;
            }
            return options;
        }

        /** An hour of event time per million process events: the event rate and invocation density of the default. */
        long spanSeconds() {
            return Math.max(3600, 3600 * events / 1_000_000);
        }

        LoadGenerator.Settings settings(int hostCount) {
            LoadGenerator.Settings defaults = LoadGenerator.Settings.defaults();
            return new LoadGenerator.Settings(
                    seed,
                    hostCount,
                    events,
                    match,
                    defaults.childrenPerAttack(),
                    defaults.activityPerProcess(),
                    spanSeconds(),
                    defaults.outOfOrdernessSeconds(),
                    defaults.start());
        }
    }
}
