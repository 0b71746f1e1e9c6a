package io.github.rcdetect.io.kafka;

import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.ErrorType;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.event.TuningUpdate;
import io.github.rcdetect.parse.ParserLimits;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Each message of the exceptions and value-lists topics as its key and text: whether that text is an item or a list is
 * judged where the items are known (the alert stage's router); here, only what every message needs — a key, UTF-8,
 * the size bound.
 */
final class KafkaTuningParser implements KafkaRecordDeserializationSchema<TuningUpdate> {
    private static final long serialVersionUID = 1L;
    private static final byte[] NO_BYTES = new byte[0];

    private final String exceptionsTopic;
    private final String valueListsTopic;
    private final ParserLimits limits;

    KafkaTuningParser(String exceptionsTopic, String valueListsTopic, ParserLimits limits) {
        this.exceptionsTopic = exceptionsTopic;
        this.valueListsTopic = valueListsTopic;
        this.limits = limits;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> message, Collector<TuningUpdate> out) {
        EventStream stream =
                message.topic().equals(valueListsTopic) && !message.topic().equals(exceptionsTopic)
                        ? EventStream.VALUE_LISTS
                        : EventStream.EXCEPTIONS;
        Origin origin = Origin.ofKafka(stream, message.topic(), message.partition(), message.offset());
        byte[] value = message.value();
        String key = text(message.key());
        if (key == null || key.isBlank()) {
            out.collect(deadLetter(stream, invalid(stream), "a message without a key (UTF-8 text)", origin, value));
        } else if (value == null) {
            out.collect(TuningUpdate.of(stream, key, null, origin));
        } else if (value.length > limits.maxRecordBytes()) {
            out.collect(deadLetter(
                    stream,
                    ErrorType.LIMIT_EXCEEDED,
                    "record of " + value.length + " bytes exceeds the limit of " + limits.maxRecordBytes(),
                    origin,
                    value));
        } else {
            String text = text(value);
            out.collect(
                    text == null
                            ? deadLetter(stream, invalid(stream), "not UTF-8", origin, value)
                            : TuningUpdate.of(stream, key, text, origin));
        }
    }

    private static ErrorType invalid(EventStream stream) {
        return stream == EventStream.VALUE_LISTS ? ErrorType.INVALID_VALUE_LIST : ErrorType.INVALID_EXCEPTION_ITEM;
    }

    /** The bytes as UTF-8 text; null for none or malformed UTF-8. */
    private static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private TuningUpdate deadLetter(EventStream stream, ErrorType type, String why, Origin origin, byte[] value) {
        byte[] original = value == null ? NO_BYTES : value;
        int kept = Math.min(original.length, limits.maxDeadLetterBytes());
        return TuningUpdate.of(
                stream, DeadLetter.of(type, why, origin, Arrays.copyOf(original, kept), original.length));
    }

    @Override
    public TypeInformation<TuningUpdate> getProducedType() {
        return TypeInformation.of(TuningUpdate.class);
    }
}
