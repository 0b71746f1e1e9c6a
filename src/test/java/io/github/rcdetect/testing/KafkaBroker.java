package io.github.rcdetect.testing;

import kafka.server.BrokerServer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A real single-node KRaft Kafka broker (Kafka's own test kit, the version of kafka-clients) in the test JVM, on
 * loopback, with the replication settings a single broker needs for consumer offsets and transactions; plus the
 * client calls tests make against it.
 */
public final class KafkaBroker implements BeforeAllCallback, AfterAllCallback {
    private KafkaClusterTestKit cluster;
    /** Taken once: the test kit reads it from the running broker, and it must stay the same across a restart. */
    private String bootstrapServers;

    private volatile boolean brokerStopped;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                // Check retention often, so a message the job stamps too old is deleted during the test.
                .setConfigProp("log.retention.check.interval.ms", "1000")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        bootstrapServers = cluster.bootstrapServers();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Stops the broker server in the test JVM. It shuts down as on SIGTERM (its logs flushed, no recovery needed at
     * start-up); to its clients it is gone as if the process had died: the port refuses, every connection drops. The
     * controller of the combined node stays up, and the data stays on disk for {@link #startBroker}.
     */
    public void stopBroker() {
        brokerStopped = true;
        // The port first: a graceful shutdown keeps serving clients while it hands over, long enough for a
        // transaction to commit that the caller meant to leave open.
        cluster.brokers().values().forEach(broker -> broker.socketServer().stopProcessingRequests());
        cluster.brokers().values().forEach(BrokerServer::shutdown);
    }

    /** False between {@link #stopBroker} and {@link #startBroker}. */
    public boolean brokerRunning() {
        return !brokerStopped;
    }

    /**
     * Starts the stopped broker again on the same port with the same log directories (the test kit rebinds the
     * port it first chose), and waits until a client can reach it.
     */
    public void startBroker(Duration timeout) throws Exception {
        cluster.brokers().values().forEach(BrokerServer::startup);
        brokerStopped = false;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Creates topics with a unique suffix, so tests sharing the broker never see each other's records. */
    public Topics createTopics(int inputPartitions) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics(
                "activity-" + suffix,
                "process-" + suffix,
                "alerts-" + suffix,
                "dead-letters-" + suffix,
                "late-" + suffix);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(topics.activity(), inputPartitions, (short) 1),
                            new NewTopic(topics.process(), inputPartitions, (short) 1),
                            new NewTopic(topics.alerts(), 1, (short) 1),
                            new NewTopic(topics.deadLetters(), 1, (short) 1),
                            new NewTopic(topics.late(), 1, (short) 1)))
                    .all()
                    .get();
        }
        return topics;
    }

    /** The topics of one test. */
    public record Topics(String activity, String process, String alerts, String deadLetters, String late) {}

    /** Sends each value to the given partition of a topic and waits until the broker has them all. */
    public void produce(String topic, int partition, List<String> values) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, partition, null, value));
            }
            producer.flush();
        }
    }

    /** Creates a compacted topic of one partition, as a host inventory topic is. */
    public String createCompactedTopic(String prefix) throws Exception {
        String topic = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all()
                    .get();
        }
        return topic;
    }

    /** Sends one keyed message (a tombstone when {@code value} is null) and waits until the broker has it. */
    public void produceKeyed(String topic, String key, String value) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, key, value));
            producer.flush();
        }
    }

    /** Sends lines round-robin over the first {@code partitions} partitions, each partition in the lines' order. */
    public void spread(String topic, int partitions, List<String> lines) {
        for (int partition = 0; partition < partitions; partition++) {
            List<String> part = new ArrayList<>();
            for (int i = partition; i < lines.size(); i += partitions) {
                part.add(lines.get(i));
            }
            produce(topic, partition, part);
        }
    }

    /** Everything committed to a topic so far: read with {@code read_committed} up to its last stable offset. */
    public List<ConsumerRecord<String, String>> readCommitted(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("no partitions of topic " + topic);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * Where a topic ends, summed over its partitions: for a {@code read_committed} consumer (the last stable offset,
     * before the first open transaction) and for a {@code read_uncommitted} one (the high watermark).
     */
    public record Ends(long lastStable, long highWatermark) {
        /** Records were written in a transaction that is not committed yet. */
        public boolean openTransaction() {
            return highWatermark > lastStable;
        }
    }

    /** Where a topic ends now. */
    public Ends ends(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            return ends(admin, partitions(admin, topic));
        }
    }

    /** Polls the ends of a topic until its high watermark passes {@code beyond}, or the timeout. */
    public Ends awaitWritten(String topic, long beyond, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            List<TopicPartition> partitions = partitions(admin, topic);
            // Only the high watermark while waiting, and no sleep: the caller acts on what was just written.
            while (end(admin, partitions, IsolationLevel.READ_UNCOMMITTED) <= beyond && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return ends(admin, partitions);
        }
    }

    /**
     * Waits until {@code group} has committed offsets past the records of {@code topic} there are now. A Flink Kafka
     * source commits its offsets when a checkpoint completes, and that checkpoint's barrier followed the records
     * through every operator: once they are committed, the job has processed them.
     *
     * <p>The source sends a commit only when its consumer's poll returns, which waits up to ten seconds for records:
     * {@code nudge}, a record that changes nothing (a tick again), goes to every partition every half second until
     * then, so the wait is about a checkpoint interval.
     */
    public void awaitConsumed(String group, String topic, String nudge, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            List<TopicPartition> partitions = partitions(admin, topic);
            long end = end(admin, partitions, IsolationLevel.READ_UNCOMMITTED);
            long nudged = System.nanoTime();
            long committed = committed(admin, group, partitions);
            while (committed < end && System.nanoTime() < deadline) {
                if (System.nanoTime() - nudged > TimeUnit.MILLISECONDS.toNanos(500)) {
                    partitions.forEach(partition -> produce(topic, partition.partition(), List.of(nudge)));
                    nudged = System.nanoTime();
                }
                Thread.sleep(50);
                committed = committed(admin, group, partitions);
            }
            if (committed < end) {
                throw new AssertionError(String.format(
                        "group %s committed %d of the %d records of %s in %s", group, committed, end, topic, timeout));
            }
        }
    }

    private static long committed(Admin admin, String group, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        return partitions.stream()
                .map(offsets::get)
                .mapToLong(offset -> offset == null ? 0 : offset.offset())
                .sum();
    }

    private static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private static Ends ends(Admin admin, List<TopicPartition> partitions) throws Exception {
        return new Ends(
                end(admin, partitions, IsolationLevel.READ_COMMITTED),
                end(admin, partitions, IsolationLevel.READ_UNCOMMITTED));
    }

    private static long end(Admin admin, List<TopicPartition> partitions, IsolationLevel isolation) throws Exception {
        Map<TopicPartition, OffsetSpec> latest =
                partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get().values().stream()
                .mapToLong(info -> info.offset())
                .sum();
    }

    /** Reads a topic again and again until {@code done} holds for what is committed, or the timeout. */
    public List<ConsumerRecord<String, String>> awaitCommitted(
            String topic, Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> records = readCommitted(topic);
        while (!done.test(records) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            records = readCommitted(topic);
        }
        return records;
    }
}
