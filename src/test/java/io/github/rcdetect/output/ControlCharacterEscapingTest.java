package io.github.rcdetect.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.ErrorType;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.testing.Alerts;
import io.github.rcdetect.testing.OutputLines;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

/**
 * DEL (0x7F) is a control character that JSON allows raw; the fuzz targets found it passing into alerts and dead
 * letters (crash-116ba86c..., crash-ba07dc3c...). Every output escapes it like the other controls.
 */
class ControlCharacterEscapingTest {

    @Test
    void delInACommandLineIsEscapedInTheAlert() {
        ProcessEvent event = new ProcessEvent();
        event.timestamp = 1_773_136_800_000L;
        event.hostKey = "vm1";
        event.commandLine = "cmd /c echo \u007f\u007f";
        event.origin = Origin.ofFile(EventStream.PROCESS, "p.ndjson", 1);

        String line = Alerts.ofProcess("R2", event).json;

        assertThat(line).doesNotContain("\u007f").contains("echo \\u007F\\u007F");
        assertThat(OutputLines.parseOneAsciiLine(line)
                        .at("/process/command_line")
                        .asText())
                .isEqualTo(event.commandLine);
    }

    @Test
    void delInTheOriginalOfADeadLetterIsEscaped() {
        byte[] original = "{\"a\":1\u007f}".getBytes(StandardCharsets.UTF_8);
        DeadLetter deadLetter = DeadLetter.of(
                ErrorType.INVALID_JSON,
                "bad",
                Origin.ofFile(EventStream.PROCESS, "p.ndjson", 1),
                original,
                original.length);

        String line = OutputDocuments.deadLetter(deadLetter);

        assertThat(line).doesNotContain("\u007f").contains("1\\u007F}");
        assertThat(OutputLines.originalBytes(OutputLines.parseOneAsciiLine(line)))
                .isEqualTo(original);
    }
}
