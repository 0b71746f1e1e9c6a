package io.github.rcdetect.io.kafka;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.parse.ParserLimits;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.util.Properties;

/** The two input topics as Flink sources, parsing and timestamping in the reader. */
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
