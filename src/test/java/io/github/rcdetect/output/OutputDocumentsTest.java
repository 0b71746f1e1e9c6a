package io.github.rcdetect.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.ErrorType;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.LateRecord;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.testing.Alerts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

/** Dead letters, late records and alerts as written; attacker-controlled text cannot break or forge a line. */
class OutputDocumentsTest {

    @Test
    void deadLetterKeepsUtf8OriginalsAsText() {
        DeadLetter deadLetter = DeadLetter.of(
                ErrorType.INVALID_JSON,
                "bad",
                Origin.ofKafka(EventStream.PROCESS, "proc", 3, 42).withRecordIndex(2),
                "{x ü".getBytes(StandardCharsets.UTF_8),
                5);
        assertThat(OutputDocuments.deadLetter(deadLetter))
                .isEqualTo(
                        "{\"error\":{\"type\":\"invalid_json\",\"message\":\"bad\"},\"origin\":{\"stream\":\"process\","
                                + "\"topic\":\"proc\",\"partition\":3,\"offset\":42,\"record_index\":2},"
                                + "\"original\":\"{x \\u00FC\",\"original_encoding\":\"utf-8\",\"original_bytes\":5,"
                                + "\"original_truncated\":false}");
    }

    @Test
    void deadLetterKeepsOtherBytesAsBase64AndSaysWhenTruncated() throws Exception {
        byte[] bytes = {'{', (byte) 0xC3, (byte) 0x28};
        DeadLetter deadLetter = DeadLetter.of(
                ErrorType.INVALID_JSON, "bad", Origin.ofFile(EventStream.ACTIVITY, "a.ndjson", 9), bytes, 100);
        JsonNode doc = Json.MAPPER.readTree(OutputDocuments.deadLetter(deadLetter));
        assertThat(doc.at("/original").asText()).isEqualTo("e8Mo");
        assertThat(doc.at("/original_encoding").asText()).isEqualTo("base64");
        assertThat(doc.at("/original_bytes").asLong()).isEqualTo(100);
        assertThat(doc.at("/original_truncated").asBoolean()).isTrue();
        assertThat(doc.at("/origin/file").asText()).isEqualTo("a.ndjson");
        assertThat(doc.at("/origin/line").asLong()).isEqualTo(9);
    }

    @Test
    void hostileCommandLinesAreEscapedIntoOneAsciiLine() throws Exception {
        String hostile =
                "cmd /c echo ok\n{\"event\":{\"kind\":\"alert\"}}\r\u2028\u0085\u0000\u001b[31m\"\\ ü \uD83D\uDE00";
        ProcessEvent event = new ProcessEvent();
        event.timestamp = 1_773_136_800_000L;
        event.hostKey = "vm1\nforged";
        event.hostName = event.hostKey;
        event.commandLine = hostile;
        event.parentName = "powershell.exe";
        event.parentCommandLine = hostile;
        event.origin = Origin.ofFile(EventStream.PROCESS, "p\n.ndjson", 1);
        String line = Alerts.ofProcess("R2", event).json;

        assertThat(line).doesNotContain("\n", "\r", "\u2028", "\u0085", "\u0000", "\u001b");
        assertThat(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f))
                .as("printable ASCII only")
                .isTrue();
        JsonNode alert = Json.MAPPER.readTree(line);
        assertThat(alert.at("/process/command_line").asText()).isEqualTo(hostile);
        assertThat(alert.at("/host/name").asText()).isEqualTo("vm1\nforged");
        assertThat(alert.at("/event/kind").asText()).isEqualTo("alert");
    }

    @Test
    void lateRecordSaysWhatArrivedLateAndFromWhere() throws Exception {
        ProcessEvent event = new ProcessEvent();
        event.timestamp = 1_773_136_800_000L;
        event.hostKey = "vm1";
        event.hostName = "vm1";
        event.eventAction = "exec";
        event.name = "id";
        event.origin = Origin.ofKafka(EventStream.PROCESS, "proc", 0, 7);
        JsonNode doc = Json.MAPPER.readTree(OutputDocuments.lateRecord(LateRecord.of(event)));
        assertThat(doc.at("/@timestamp").asText()).isEqualTo("2026-03-10T10:00:00.000Z");
        assertThat(doc.at("/host/name").asText()).isEqualTo("vm1");
        assertThat(doc.at("/process/name").asText()).isEqualTo("id");
        assertThat(doc.at("/origin/stream").asText()).isEqualTo("process");
        assertThat(doc.at("/origin/offset").asLong()).isEqualTo(7);
        assertThat(doc.at("/late/reason").asText()).startsWith("arrived after the watermark");
    }
}
