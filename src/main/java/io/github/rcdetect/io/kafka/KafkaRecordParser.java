package io.github.rcdetect.io.kafka;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.parse.ParserLimits;
import io.github.rcdetect.parse.RecordParser;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Parses each Kafka message of a stream into its records (an Event Hub message may hold many) or dead letters, with
 * topic, partition and offset as their origin. Parsing in the source lets the watermark see every record.
 */
public final class KafkaRecordParser implements KafkaRecordDeserializationSchema<InputRecord> {
    private static final long serialVersionUID = 1L;
    private static final byte[] NO_BYTES = new byte[0];

    private final EventStream stream;
    private final ParserLimits limits;
    private transient RecordParser parser;

    public KafkaRecordParser(EventStream stream, ParserLimits limits) {
        this.stream = stream;
        this.limits = limits;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        parser = RecordParser.forDetection(stream, limits);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> message, Collector<InputRecord> out) {
        byte[] value = message.value() == null ? NO_BYTES : message.value();
        Origin origin = Origin.ofKafka(stream, message.topic(), message.partition(), message.offset());
        parser.parse(value, 0, value.length, origin, out::collect);
    }

    @Override
    public TypeInformation<InputRecord> getProducedType() {
        return TypeInformation.of(InputRecord.class);
    }
}
