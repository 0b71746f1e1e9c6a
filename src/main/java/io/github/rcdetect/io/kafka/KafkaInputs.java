package io.github.rcdetect.io.kafka;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.InventoryUpdate;
import io.github.rcdetect.event.TuningUpdate;
import io.github.rcdetect.parse.ParserLimits;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

/** The input topics as Flink sources, parsing and timestamping in the reader. */
public final class KafkaInputs {
    private KafkaInputs() {}

    public static DataStream<InputRecord> source(
            StreamExecutionEnvironment env, EventStream stream, KafkaSettings kafka, ParserLimits limits) {
        Properties consumer = kafka.clientProperties();
        // Records of an upstream transaction count once it commits (Kafka's own default reads them before).
        consumer.putIfAbsent("isolation.level", "read_committed");
        KafkaSource<InputRecord> source = KafkaSource.<InputRecord>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(kafka.topic(stream))
                .setGroupId(kafka.groupId())
                .setClientIdPrefix(kafka.groupId() + "-" + stream.id())
                .setStartingOffsets(startingOffsets(kafka.startingOffsets()))
                .setDeserializer(new KafkaRecordParser(stream, limits))
                .setProperties(consumer)
                .build();
        return env.fromSource(source, watermarks(kafka.eventTime(stream)), stream.id() + " topic")
                .uid(stream.id() + "-kafka-source");
    }

    /**
     * The host inventory topic, or null without one. Always read from its beginning when the job starts without a
     * checkpoint: a compacted topic holds the whole inventory, and the job needs all of it.
     */
    public static DataStream<InventoryUpdate> inventory(
            StreamExecutionEnvironment env, KafkaSettings kafka, ParserLimits limits) {
        if (kafka.inventoryTopic() == null) {
            return null;
        }
        KafkaSource<InventoryUpdate> source = KafkaInputs.<InventoryUpdate>sideTopic(kafka, EventStream.INVENTORY)
                .setTopics(kafka.inventoryTopic())
                .setDeserializer(new KafkaInventoryParser(limits))
                .build();
        // One reader for every partition: a reader left without a partition (more readers than partitions, as with the
        // usual one-partition compacted topic) would never emit a watermark, and hold the events' back for ever.
        return env.fromSource(source, noTimeOfItsOwn(), EventStream.INVENTORY.id() + " topic")
                .setParallelism(1)
                .uid(EventStream.INVENTORY.id() + "-kafka-source");
    }

    /**
     * The exceptions and value-lists topics as one source, or null without either; read from their beginning when the
     * job starts without a checkpoint, as the inventory topic is.
     */
    public static DataStream<TuningUpdate> tuning(
            StreamExecutionEnvironment env, KafkaSettings kafka, ParserLimits limits) {
        List<String> topics = Stream.of(kafka.exceptionsTopic(), kafka.valueListsTopic())
                .filter(Objects::nonNull)
                .toList();
        if (topics.isEmpty()) {
            return null;
        }
        KafkaSource<TuningUpdate> source = KafkaInputs.<TuningUpdate>sideTopic(kafka, EventStream.EXCEPTIONS)
                .setTopics(topics)
                .setDeserializer(new KafkaTuningParser(kafka.exceptionsTopic(), kafka.valueListsTopic(), limits))
                .build();
        return env.fromSource(source, noTimeOfItsOwn(), "exception topics")
                .setParallelism(1)
                .uid("exceptions-kafka-source");
    }

    /** A source of a compacted topic: the whole topic, from its beginning, committed records only. */
    private static <T> KafkaSourceBuilder<T> sideTopic(KafkaSettings kafka, EventStream stream) {
        Properties consumer = kafka.clientProperties();
        consumer.putIfAbsent("isolation.level", "read_committed");
        return KafkaSource.<T>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setGroupId(kafka.groupId())
                .setClientIdPrefix(kafka.groupId() + "-" + stream.id())
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setProperties(consumer);
    }

    /**
     * No time of its own, and idle whenever no update has come for a second: an idle input is left out of the time of
     * the operator that joins it, so the inventory never holds back the events' watermark (an input that never
     * emitted one would hold it at the beginning of time for ever).
     */
    private static <T> WatermarkStrategy<T> noTimeOfItsOwn() {
        return WatermarkStrategy.<T>noWatermarks().withIdleness(Duration.ofSeconds(1));
    }

    /**
     * Watermarks per partition over every record (dead letters carry no time and never move them), trailing the
     * largest time seen by the stream's out-of-orderness bound; a partition silent for the idle timeout stops holding
     * the others back.
     */
    public static WatermarkStrategy<InputRecord> watermarks(EventTime eventTime) {
        return WatermarkStrategy.<InputRecord>forBoundedOutOfOrderness(eventTime.outOfOrderness())
                .withIdleness(eventTime.idleTimeout())
                .withTimestampAssigner((record, previous) -> record.eventTime());
    }

    private static OffsetsInitializer startingOffsets(StartingOffsets startingOffsets) {
        switch (startingOffsets) {
            case EARLIEST:
                return OffsetsInitializer.earliest();
            case LATEST:
                return OffsetsInitializer.latest();
            default:
                return OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        }
    }
}
