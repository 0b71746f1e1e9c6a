package io.github.rcdetect.io.kafka;

import io.github.rcdetect.output.AlertDocument;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Transactional Kafka sinks: records become visible to {@code read_committed} consumers when the checkpoint that
 * covers them completes, so after a crash and restore each appears exactly once.
 */
final class KafkaOutputs {
    /** Transactions must outlive a checkpoint and a restart, yet stay within the broker's default maximum. */
    static final String TRANSACTION_TIMEOUT_MS = String.valueOf(15 * 60 * 1000);

    private KafkaOutputs() {}

    /** Alerts keyed by host, so a host's alerts stay in order on one partition. */
    static KafkaSink<AlertDocument> alerts(KafkaSettings kafka) {
        return sink(kafka, "alerts", new AlertMessages(kafka.alertsTopic()));
    }

    /** JSON documents (dead letters, late records) to a topic, without key. */
    static KafkaSink<String> documents(KafkaSettings kafka, String topic, String purpose) {
        return sink(kafka, purpose, new DocumentMessages(topic));
    }

    private static <T> KafkaSink<T> sink(
            KafkaSettings kafka, String purpose, KafkaRecordSerializationSchema<T> messages) {
        Properties producer = kafka.clientProperties();
        producer.putIfAbsent("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS);
        return KafkaSink.<T>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(messages)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(kafka.groupId() + "-" + purpose)
                .build();
    }

    /**
     * A message stamped with the time it is written. Not with its event time: a replay of old events would write
     * messages the broker's time-based retention deletes at once.
     */
    private static ProducerRecord<byte[], byte[]> message(String topic, String key, String value) {
        return new ProducerRecord<>(
                topic,
                null,
                null,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    /** An alert as a message: key the host, value its JSON document. */
    private static final class AlertMessages implements KafkaRecordSerializationSchema<AlertDocument> {
        private static final long serialVersionUID = 1L;
        private final String topic;

        AlertMessages(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(AlertDocument alert, KafkaSinkContext context, Long timestamp) {
            return message(topic, alert.hostName, alert.json);
        }
    }

    /** A JSON document as a message without key. */
    private static final class DocumentMessages implements KafkaRecordSerializationSchema<String> {
        private static final long serialVersionUID = 1L;
        private final String topic;

        DocumentMessages(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(String document, KafkaSinkContext context, Long timestamp) {
            return message(topic, null, document);
        }
    }
}
