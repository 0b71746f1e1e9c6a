package io.github.rcdetect.io.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether a local stream can start: the Kafka cluster answers and the topics the job reads exist. Checked once
 * before the job starts, with a bounded wait, so that a wrong address or a missing topic is one line naming it
 * rather than a job that retries for ever while its clients log warnings several times a second.
 */
public final class KafkaReachability {
    private KafkaReachability() {}

    /**
     * The partition count of each topic the job reads, in the order given.
     *
     * @throws IllegalStateException saying what is wrong, when the cluster does not answer within {@code wait} or a
     *     topic is missing
     */
    public static Map<String, Integer> inputPartitions(KafkaSettings kafka, Duration wait) {
        List<String> topics = new ArrayList<>();
        for (String topic : new String[] {
            kafka.activityTopic(),
            kafka.processTopic(),
            kafka.inventoryTopic(),
            kafka.exceptionsTopic(),
            kafka.valueListsTopic()
        }) {
            if (topic != null) {
                topics.add(topic);
            }
        }
        Properties properties = kafka.clientProperties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) wait.toMillis());
        properties.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(wait.toMillis(), 30_000));
        long deadline = System.nanoTime() + wait.toNanos();
        try (Admin admin = Admin.create(properties)) {
            Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(
                            topics, new DescribeTopicsOptions().timeoutMs((int) wait.toMillis()))
                    .topicNameValues();
            Map<String, Integer> partitions = new LinkedHashMap<>();
            for (String topic : topics) {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 5_000);
                try {
                    partitions.put(
                            topic,
                            described
                                    .get(topic)
                                    .get(left, TimeUnit.MILLISECONDS)
                                    .partitions()
                                    .size());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                        throw new IllegalStateException(
                                "topic '" + topic + "' does not exist at " + kafka.bootstrapServers());
                    }
                    throw unreachable(kafka, wait, e.getCause());
                }
            }
            return partitions;
        } catch (TimeoutException e) {
            throw unreachable(kafka, wait, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka at " + kafka.bootstrapServers());
        }
    }

    private static IllegalStateException unreachable(KafkaSettings kafka, Duration wait, Throwable cause) {
        return new IllegalStateException("cannot reach Kafka at " + kafka.bootstrapServers() + " within "
                + wait.toSeconds() + " s (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")");
    }
}
