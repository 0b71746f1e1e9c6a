package io.github.rcdetect.io.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.parse.ParserLimits;
import io.github.rcdetect.testing.Allocation;
import io.github.rcdetect.testing.HugeLines;

import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Kafka messages 100,000 levels deep, or far over the size limit, are limit_exceeded dead letters that cost the
 * deserializer little time and little memory beyond the message the consumer already holds.
 */
@Timeout(30)
class HugeKafkaMessagesTest {
    /** A script child, so the detection's parser gives the whole event (noise would come out as its time alone). */
    private static final byte[] EVENT =
            "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"name\":\"id\",\"parent\":{\"name\":\"bash\"}}}"
                    .getBytes(StandardCharsets.UTF_8);

    private final KafkaRecordParser deserializer = new KafkaRecordParser(EventStream.PROCESS, ParserLimits.defaults());
    private final List<InputRecord> records = new ArrayList<>();
    private final Collector<InputRecord> out = new Collector<>() {
        @Override
        public void collect(InputRecord record) {
            records.add(record);
        }

        @Override
        public void close() {}
    };

    @BeforeEach
    void open() throws Exception {
        deserializer.open(null);
        // Warm up: the first message pays for class loading, which is not per message.
        deserializer.deserialize(message(0, HugeLines.deepArrayRecord().getBytes(StandardCharsets.UTF_8)), out);
        deserializer.deserialize(message(0, EVENT), out);
        records.clear();
    }

    private static ConsumerRecord<byte[], byte[]> message(long offset, byte[] value) {
        return new ConsumerRecord<>("process", 3, offset, null, value);
    }

    @Test
    void deepDocumentsAreDeadLettersAndTheNextMessageStillParses() throws Exception {
        byte[] deepArray = HugeLines.deepArrayRecord().getBytes(StandardCharsets.UTF_8);
        byte[] deepObject = HugeLines.deepObjectRecord().getBytes(StandardCharsets.UTF_8);
        Allocation.Measured measured = Allocation.of(() -> {
            deserializer.deserialize(message(41, deepArray), out);
            deserializer.deserialize(message(42, deepObject), out);
            deserializer.deserialize(message(43, EVENT), out);
        });
        System.out.printf(
                "HugeKafkaMessagesTest: two %,d-deep messages (%,d and %,d bytes) in %d ms, %,d bytes allocated%n",
                HugeLines.DEPTH, deepArray.length, deepObject.length, measured.millis(), measured.bytes());

        assertThat(records).hasSize(3);
        for (InputRecord deep : records.subList(0, 2)) {
            assertThat(deep.deadLetter.errorType.id()).isEqualTo("limit_exceeded");
            assertThat(deep.deadLetter.errorMessage)
                    .startsWith("Document nesting depth (65) exceeds the maximum allowed (64");
            assertThat(deep.deadLetter.original).hasSize(ParserLimits.DEFAULT_MAX_DEAD_LETTER_BYTES);
        }
        assertThat(records.get(0).deadLetter.origin.offset).isEqualTo(41);
        assertThat(records.get(1).deadLetter.origin.offset).isEqualTo(42);
        assertThat(records.get(2).process.name).isEqualTo("id");
        // Two 64 KiB dead-letter copies and the parser's small buffers; nothing proportional to the depth.
        assertThat(measured.bytes()).as("bytes allocated").isLessThan(1024 * 1024);
        assertThat(measured.millis()).as("milliseconds").isLessThan(2_000);
    }

    @Test
    void aMessageFarOverTheSizeLimitIsRejectedWithoutBeingParsed() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        long length = HugeLines.writeHugeRecord(buffer, 64L * 1024 * 1024);
        byte[] huge = buffer.toByteArray();
        Allocation.Measured measured = Allocation.of(() -> deserializer.deserialize(message(7, huge), out));
        System.out.printf(
                "HugeKafkaMessagesTest: a %,d-byte message in %d ms, %,d bytes allocated%n",
                length, measured.millis(), measured.bytes());

        assertThat(records).hasSize(1);
        assertThat(records.get(0).deadLetter.errorType.id()).isEqualTo("limit_exceeded");
        assertThat(records.get(0).deadLetter.originalLength).isEqualTo(length);
        assertThat(records.get(0).deadLetter.original).hasSize(ParserLimits.DEFAULT_MAX_DEAD_LETTER_BYTES);
        assertThat(measured.bytes()).as("bytes allocated").isLessThan(1024 * 1024);
        assertThat(measured.millis()).as("milliseconds").isLessThan(1_000);
    }
}
