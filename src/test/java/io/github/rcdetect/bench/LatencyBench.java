package io.github.rcdetect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rcdetect.StreamingRun;
import io.github.rcdetect.config.JobConfig;
import io.github.rcdetect.output.Json;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end alert latency through a real broker: the streaming job (exactly-once alerts) runs in this JVM against the
 * broker of {@code bin/kafka-local}; generated load is produced in real time, each record when its arrival time comes;
 * a {@code read_committed} consumer notes when each alert becomes visible. Latency is from the moment the record
 * behind an alert was produced (the script child for R2, the first record of the invocation for R1) to that moment.
 * Run through {@code bin/bench --kafka}.
 */
public final class LatencyBench {
    private static final int INPUT_PARTITIONS = 2;
    private static final Duration DRAIN = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String run = "bench-" + System.currentTimeMillis();
        String activityTopic = run + "-activity";
        String processTopic = run + "-process";
        String alertsTopic = run + "-alerts";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", options.bootstrapServers))) {
            admin.createTopics(List.of(
                            new NewTopic(activityTopic, INPUT_PARTITIONS, (short) 1),
                            new NewTopic(processTopic, INPUT_PARTITIONS, (short) 1),
                            new NewTopic(alertsTopic, 1, (short) 1)))
                    .all()
                    .get();
        }
        JobConfig config = JobConfig.fromArgs(
                "--bootstrap-servers",
                options.bootstrapServers,
                "--activity-topic",
                activityTopic,
                "--process-topic",
                processTopic,
                "--alerts-topic",
                alertsTopic,
                "--group-id",
                run,
                "--starting-offsets",
                "earliest",
                "--parallelism",
                "2",
                "--checkpoint-interval",
                options.checkpointInterval.toMillis() + " ms",
                "--activity-out-of-orderness",
                options.activityOutOfOrderness.toMillis() + " ms",
                "--process-out-of-orderness",
                options.processOutOfOrderness.toMillis() + " ms");
        StreamExecutionEnvironment env = StreamingRun.environment(config, new Configuration());
        StreamingRun.define(env, config);
        JobClient job = env.executeAsync("bench: latency");
        awaitRunning(job);
        System.out.printf(
                Locale.ROOT,
                "job running: checkpoint interval %d s, activity out-of-orderness %d s, process out-of-orderness %d s%n",
                options.checkpointInterval.toSeconds(),
                options.activityOutOfOrderness.toSeconds(),
                options.processOutOfOrderness.toSeconds());

        LoadGenerator.Settings settings = options.settings(Instant.now().plusSeconds(5));
        LoadGenerator.Plan plan = new LoadGenerator(settings).plan();
        System.out.printf(
                Locale.ROOT,
                "producing in real time for %d s: %,d process events/s over %,d hosts, %.1f %% script children"
                        + " (%,d invocations), %,d activity records; delivered up to %d s after their time%n",
                settings.spanSeconds(),
                settings.processEvents() / settings.spanSeconds(),
                settings.hosts(),
                settings.matchFraction() * 100,
                plan.expectedR1(),
                plan.activityRecords(),
                settings.outOfOrdernessSeconds());

        AlertWatcher watcher = new AlertWatcher(options.bootstrapServers, alertsTopic);
        watcher.start();
        Map<String, Long> producedAt = produce(options.bootstrapServers, activityTopic, processTopic, plan);
        long deadline = System.currentTimeMillis() + DRAIN.toMillis();
        while (watcher.distinct() < plan.expectedR1() + plan.expectedR2() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        watcher.stopWatching();
        job.cancel().get();

        boolean ok = report("R2", watcher, producedAt, plan.expectedR2(), options.checkpointInterval.plusSeconds(2));
        ok &= report(
                "R1",
                watcher,
                producedAt,
                plan.expectedR1(),
                Duration.ofSeconds(120)
                        .plus(options.activityOutOfOrderness)
                        .plus(options.checkpointInterval)
                        .plusSeconds(2));
        System.out.printf(
                Locale.ROOT, "duplicates seen by the read_committed consumer: %d%n", watcher.duplicates.get());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", options.bootstrapServers))) {
            admin.deleteTopics(List.of(activityTopic, processTopic, alertsTopic))
                    .all()
                    .get();
        }
        System.exit(ok && watcher.duplicates.get() == 0 ? 0 : 1);
    }

    private static void awaitRunning(JobClient job) throws Exception {
        while (job.getJobStatus().get() != JobStatus.RUNNING) {
            Thread.sleep(100);
        }
        // Sources have subscribed once the first checkpoint is possible; a little slack keeps start-up out of the
        // figures.
        Thread.sleep(3000);
    }

    /** Produces both streams' lines in arrival order, each when the clock reaches its arrival time. */
    private static Map<String, Long> produce(
            String bootstrapServers, String activityTopic, String processTopic, LoadGenerator.Plan plan) {
        Map<String, Object> properties = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                1);
        Map<String, Long> producedAt = new ConcurrentHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            int a = 0;
            int p = 0;
            List<LoadGenerator.Line> activity = plan.activity();
            List<LoadGenerator.Line> process = plan.process();
            while (a < activity.size() || p < process.size()) {
                boolean nextIsActivity = p == process.size()
                        || (a < activity.size()
                                && activity.get(a).arrival() <= process.get(p).arrival());
                LoadGenerator.Line line = nextIsActivity ? activity.get(a) : process.get(p);
                String topic = nextIsActivity ? activityTopic : processTopic;
                int index = nextIsActivity ? a++ : p++;
                long wait = line.arrival() - System.currentTimeMillis();
                if (wait > 0) {
                    sleep(wait);
                }
                if (line.alertKey() != null) {
                    producedAt.put(line.alertKey(), System.currentTimeMillis());
                }
                // Round robin, so that no partition idles.
                producer.send(new ProducerRecord<>(
                        topic,
                        index % INPUT_PARTITIONS,
                        null,
                        (nextIsActivity ? plan.activityJson(line) : plan.processJson(line))
                                .getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        return producedAt;
    }

    private static boolean report(
            String rule, AlertWatcher watcher, Map<String, Long> producedAt, long expected, Duration target) {
        List<Long> latencies = new ArrayList<>();
        long unmatched = 0;
        for (Map.Entry<String, Long> seen : watcher.visibleAt(rule).entrySet()) {
            Long produced = producedAt.get(seen.getKey());
            if (produced == null) {
                unmatched++;
            } else {
                latencies.add(seen.getValue() - produced);
            }
        }
        Collections.sort(latencies);
        if (latencies.isEmpty()) {
            System.out.printf(Locale.ROOT, "%s: no alerts of %,d expected%n", rule, expected);
            return false;
        }
        long p99 = percentile(latencies, 0.99);
        boolean ok = latencies.size() == expected && unmatched == 0 && p99 <= target.toMillis();
        System.out.printf(
                Locale.ROOT,
                "%s latency: p50 %.1f s, p90 %.1f s, p99 %.1f s, max %.1f s over %,d of %,d expected alerts%s;"
                        + " target p99 <= %d s: %s%n",
                rule,
                percentile(latencies, 0.50) / 1000.0,
                percentile(latencies, 0.90) / 1000.0,
                p99 / 1000.0,
                latencies.get(latencies.size() - 1) / 1000.0,
                latencies.size(),
                expected,
                unmatched == 0 ? "" : " (" + unmatched + " not planted)",
                target.toSeconds(),
                ok ? "met" : "MISSED");
        return ok;
    }

    private static long percentile(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads the alerts topic as a {@code read_committed} consumer and notes when each alert became visible. */
    private static final class AlertWatcher extends Thread {
        private final KafkaConsumer<String, String> consumer;
        private final String topic;
        private final Map<String, Map<String, Long>> visibleAtByRule = new ConcurrentHashMap<>();
        private final Map<String, Boolean> eventIds = new ConcurrentHashMap<>();
        private final AtomicLong duplicates = new AtomicLong();
        private volatile boolean watching = true;

        AlertWatcher(String bootstrapServers, String topic) {
            this.consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrapServers,
                            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                            "read_committed",
                            ConsumerConfig.GROUP_ID_CONFIG,
                            topic + "-watcher",
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest"),
                    new StringDeserializer(),
                    new StringDeserializer());
            this.topic = topic;
            setDaemon(true);
        }

        @Override
        public void run() {
            consumer.subscribe(List.of(topic));
            while (watching) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    JsonNode alert = read(record.value());
                    if (eventIds.putIfAbsent(alert.at("/event/id").asText(), Boolean.TRUE) != null) {
                        duplicates.incrementAndGet();
                        continue;
                    }
                    String rule = alert.at("/rule/id").asText();
                    String key = "R1".equals(rule)
                            ? alert.at("/azure_runcommand/correlation_id").asText()
                            : alert.at("/process/entity_id").asText();
                    visibleAtByRule
                            .computeIfAbsent(rule, r -> new ConcurrentHashMap<>())
                            .put(key, now);
                }
            }
            consumer.close();
        }

        int distinct() {
            return eventIds.size();
        }

        Map<String, Long> visibleAt(String rule) {
            return visibleAtByRule.getOrDefault(rule, Map.of());
        }

        void stopWatching() throws InterruptedException {
            watching = false;
            join();
        }

        private static JsonNode read(String json) {
            try {
                return Json.MAPPER.readTree(json);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("an alert that is not JSON: " + json, e);
            }
        }
    }

    /** Command-line options of the latency bench. */
    private static final class Options {
        String bootstrapServers = "127.0.0.1:9092";
        long seconds = 300;
        long rate = 2000;
        int hosts = 10_000;
        double match = 0.01;
        long seed = 42;
        Duration checkpointInterval = Duration.ofSeconds(5);
        Duration activityOutOfOrderness = Duration.ofSeconds(30);
        Duration processOutOfOrderness = Duration.ofSeconds(5);

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--bootstrap-servers" -> options.bootstrapServers = args[++i];
                    case "--seconds" -> options.seconds = Long.parseLong(args[++i]);
                    case "--rate" -> options.rate = Long.parseLong(args[++i]);
                    case "--hosts" -> options.hosts = Integer.parseInt(args[++i]);
                    case "--match" -> options.match = Double.parseDouble(args[++i]);
                    case "--seed" -> options.seed = Long.parseLong(args[++i]);
                    case "--checkpoint-seconds" ->
                        options.checkpointInterval = Duration.ofSeconds(Long.parseLong(args[++i]));
                    case "--activity-out-of-orderness-seconds" ->
                        options.activityOutOfOrderness = Duration.ofSeconds(Long.parseLong(args[++i]));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (options.seconds < 240) {
                throw new IllegalArgumentException("--seconds must be at least 240: invocations are planted up to"
                        + " 200 s before the end, and their R1 alerts need the load to go on past their window");
            }
            return options;
        }

        LoadGenerator.Settings settings(Instant start) {
            LoadGenerator.Settings defaults = LoadGenerator.Settings.defaults();
            return new LoadGenerator.Settings(
                    seed,
                    hosts,
                    rate * seconds,
                    match,
                    defaults.childrenPerAttack(),
                    defaults.activityPerProcess(),
                    seconds,
                    Math.min(defaults.outOfOrdernessSeconds(), processOutOfOrderness.toSeconds()),
                    start);
        }
    }
}
