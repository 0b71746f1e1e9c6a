package io.github.rcdetect.io.kafka;

import io.github.rcdetect.event.EventStream;

import java.util.Properties;
import java.util.TreeSet;

/**
 * The Kafka side of the streaming job: the cluster and its client settings, the consumer group, the topics and how
 * the input topics' watermarks follow their records.
 *
 * @param clientProperties client settings (security, SASL, TLS) for every consumer and producer; they hold secrets,
 *     so {@link #toString} names them but never shows a value
 * @param deadLetterTopic null for the job's log
 * @param lateTopic null for the job's log
 * @param inventoryTopic the compacted topic of host inventory entries; null for none
 * @param exceptionsTopic the compacted topic of exception items; null for none
 * @param valueListsTopic the compacted topic of value lists; null for none
 */
public record KafkaSettings(
        String bootstrapServers,
        Properties clientProperties,
        String groupId,
        StartingOffsets startingOffsets,
        String activityTopic,
        EventTime activityTime,
        String processTopic,
        EventTime processTime,
        String alertsTopic,
        String deadLetterTopic,
        String lateTopic,
        String inventoryTopic,
        String exceptionsTopic,
        String valueListsTopic) {

    /** A copy: sources and sinks add settings of their own. */
    @Override
    public Properties clientProperties() {
        Properties copy = new Properties();
        copy.putAll(clientProperties);
        return copy;
    }

    public String topic(EventStream stream) {
        return switch (stream) {
            case ACTIVITY -> activityTopic;
            case PROCESS -> processTopic;
            case INVENTORY -> inventoryTopic;
            case EXCEPTIONS -> exceptionsTopic;
            case VALUE_LISTS -> valueListsTopic;
        };
    }

    public EventTime eventTime(EventStream stream) {
        return stream == EventStream.ACTIVITY ? activityTime : processTime;
    }

    @Override
    public String toString() {
        return "KafkaSettings{bootstrapServers="
                + bootstrapServers
                + ", topics=["
                + activityTopic
                + ", "
                + processTopic
                + " -> "
                + alertsTopic
                + "], groupId="
                + groupId
                + ", clientProperties="
                + new TreeSet<>(clientProperties.stringPropertyNames())
                + "}";
    }
}
