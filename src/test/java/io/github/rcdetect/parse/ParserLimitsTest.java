package io.github.rcdetect.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Bounds on nesting, string length and record size turn hostile records into dead letters. */
class ParserLimitsTest {
    private static final ParserLimits SMALL = new ParserLimits(1000, 8, 100, Duration.ofHours(1), 64);

    private static InputRecord only(String json) {
        List<InputRecord> records = Parsing.parse(EventStream.PROCESS, SMALL, json.getBytes(StandardCharsets.UTF_8));
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void nestingDeeperThanTheLimitIsADeadLetter() {
        String deep = "{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"x\":" + "[".repeat(20) + "]".repeat(20) + "}";
        InputRecord record = only(deep);
        assertThat(record.deadLetter.errorType.id()).isEqualTo("limit_exceeded");
        assertThat(record.deadLetter.errorMessage)
                .isEqualTo(
                        "Document nesting depth (9) exceeds the maximum allowed (8, from `StreamReadConstraints.getMaxNestingDepth()`)");
    }

    @Test
    void nestingWithinTheLimitParses() {
        String shallow = "{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"x\":" + "[".repeat(6) + "]".repeat(6) + "}";
        assertThat(only(shallow).process).isNotNull();
    }

    @Test
    void aStringLongerThanTheLimitIsADeadLetter() {
        InputRecord record =
                only("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"process.name\":\"" + "a".repeat(101) + "\"}");
        assertThat(record.deadLetter.errorType.id()).isEqualTo("limit_exceeded");
        assertThat(record.deadLetter.errorMessage)
                .startsWith("String value length (101) exceeds the maximum allowed (100");
    }

    @Test
    void aRecordLargerThanTheLimitIsADeadLetterKeepingOnlyItsStart() {
        String big = "{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"x\":\"" + "b".repeat(50) + "\"}";
        String json = big.repeat(1).replace("}", ",\"pad\":[" + "1,".repeat(500) + "1]}");
        InputRecord record = only(json);
        assertThat(record.deadLetter.errorType.id()).isEqualTo("limit_exceeded");
        assertThat(record.deadLetter.errorMessage)
                .isEqualTo("record of " + json.length() + " bytes exceeds the limit of 1000");
        assertThat(record.deadLetter.original).hasSize(64);
        assertThat(record.deadLetter.originalLength).isEqualTo(json.length());
    }
}
