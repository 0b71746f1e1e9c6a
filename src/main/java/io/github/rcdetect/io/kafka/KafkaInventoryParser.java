package io.github.rcdetect.io.kafka;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InventoryUpdate;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.parse.InventoryRecords;
import io.github.rcdetect.parse.ParserLimits;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Each message of the host inventory topic as an entry, a tombstone or a dead letter; other resources are skipped. */
final class KafkaInventoryParser implements KafkaRecordDeserializationSchema<InventoryUpdate> {
    private static final long serialVersionUID = 1L;

    private final ParserLimits limits;
    private transient InventoryRecords records;

    KafkaInventoryParser(ParserLimits limits) {
        this.limits = limits;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        records = new InventoryRecords(limits);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> message, Collector<InventoryUpdate> out) {
        Origin origin = Origin.ofKafka(EventStream.INVENTORY, message.topic(), message.partition(), message.offset());
        InventoryUpdate update = records.message(message.key(), message.value(), origin);
        if (update != null) {
            out.collect(update);
        }
    }

    @Override
    public TypeInformation<InventoryUpdate> getProducedType() {
        return TypeInformation.of(InventoryUpdate.class);
    }
}
