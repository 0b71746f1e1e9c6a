package io.github.rcdetect.output;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.rcdetect.domain.RunAsPasswords;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.ErrorType;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.LateRecord;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.testing.Alerts;
import io.github.rcdetect.testing.LogSinkCapture;
import io.github.rcdetect.testing.OutputLines;

import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing of everything that writes attacker-controlled text out: R1 and R2 alerts, dead letters,
 * late records, and the log lines of {@link io.github.rcdetect.io.LogSink}. Whatever the text (any UTF-16 code unit,
 * lone surrogates included), each output is one printable-ASCII line that parses back to exactly that text.
 */
class OutputLinesFuzzTest {
    /** Fragments that make text look like JSON, a log line or a lookup, so the fuzzer reaches them sooner. */
    private static final String[] FRAGMENTS = {
        "\"}, {\"rule\":{\"id\":\"R9\"}}",
        "\\",
        "\"",
        "\n",
        "\r\n",
        "\u2028",
        "\u2029",
        "\u0085",
        "\u0000",
        "\u001b[31m",
        "${jndi:ldap://198.51.100.1/a}",
        "\\u0000",
        "\uD800",
        "\uDC00",
        "\uFEFF",
        "\u202E",
        "\uD83D\uDE00",
        "2026-03-10 10:00:00,000 WARN  LogSink - dead letter {",
    };

    private static final LogSinkCapture LOG = LogSinkCapture.install();

    @FuzzTest
    @Timeout(5)
    void everyOutputIsOneAsciiLineCarryingTheTextExactly(FuzzedDataProvider data) throws Exception {
        long runCommandTime = data.consumeLong(0, 253_402_300_799_999L);
        long processTime = data.consumeLong(0, 253_402_300_799_999L);
        ActivityEvent runCommand = new ActivityEvent();
        runCommand.timestamp = runCommandTime;
        runCommand.hostKey = text(data);
        runCommand.correlationId = text(data);
        runCommand.userEmail = text(data);
        runCommand.sourceIp = text(data);
        runCommand.eventId = text(data);
        runCommand.origin = Origin.ofFile(EventStream.ACTIVITY, text(data), data.consumeLong(0, Long.MAX_VALUE));

        ProcessEvent process = new ProcessEvent();
        process.timestamp = processTime;
        process.hostKey = runCommand.hostKey;
        process.hostName = runCommand.hostKey;
        String[] commandLines = {text(data)};
        String secret = plantRunAsPassword(data, commandLines, 0);
        process.commandLine = commandLines[0];
        process.name = text(data);
        process.executable = text(data);
        process.args = new String[] {text(data), text(data)};
        process.parentName = text(data);
        process.parentCommandLine = text(data);
        process.parentArgs = new String[] {text(data)};
        process.eventId = text(data);
        process.origin = Origin.ofKafka(
                EventStream.PROCESS,
                text(data),
                data.consumeInt(0, Integer.MAX_VALUE),
                data.consumeLong(0, Long.MAX_VALUE));

        AlertDocument r2 = Alerts.ofProcess("R2", process);
        JsonNode r2Alert = OutputLines.parseOneAsciiLine(r2.json);
        expect(r2Alert, "/process/command_line", RunAsPasswords.redact(process.commandLine));
        expect(r2Alert, "/process/parent/command_line", RunAsPasswords.redact(process.parentCommandLine));
        expect(r2Alert, "/process/args/1", RunAsPasswords.redact(process.args)[1]);
        expect(r2Alert, "/host/name", process.hostKey);
        expect(r2Alert, "/azure_runcommand/source_events/0/topic", process.origin.topic);

        AlertDocument r1 = Alerts.ofCorrelation("R1", runCommand, List.of(process));
        JsonNode r1Alert = OutputLines.parseOneAsciiLine(r1.json);
        expect(r1Alert, "/process/command_line/0", RunAsPasswords.redact(process.commandLine));
        expect(r1Alert, "/host/name", runCommand.hostKey);
        expect(r1Alert, "/user/email", runCommand.userEmail);
        expect(r1Alert, "/azure_runcommand/correlation_id", runCommand.correlationId);
        expect(r1Alert, "/azure_runcommand/source_events/0/file", runCommand.origin.file);

        byte[] original = data.consumeBytes(data.consumeInt(0, 512));
        long originalLength = original.length + data.consumeInt(0, 1000);
        if (secret != null) {
            // The record as the endpoint sent it, cut anywhere: a dead letter shows its original bytes.
            byte[] record = ("{\"process\":{\"command_line\":"
                            + Json.write(Json.MAPPER.getNodeFactory().textNode(process.commandLine)) + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            original = Arrays.copyOf(record, data.consumeInt(0, record.length));
            originalLength = record.length;
        }
        DeadLetter deadLetter = DeadLetter.of(
                ErrorType.INVALID_JSON,
                text(data),
                Origin.ofFile(EventStream.PROCESS, text(data), 1).withRecordIndex(data.consumeInt(0, 1000)),
                original,
                originalLength);
        String deadLetterLine = OutputDocuments.deadLetter(deadLetter);
        JsonNode deadLetterDocument = OutputLines.parseOneAsciiLine(deadLetterLine);
        expect(deadLetterDocument, "/error/message", deadLetter.errorMessage);
        expect(deadLetterDocument, "/origin/file", deadLetter.origin.file);
        byte[] redacted = RunAsPasswords.redactJson(original, original.length < deadLetter.originalLength);
        if (!Arrays.equals(redacted, OutputLines.originalBytes(deadLetterDocument))) {
            throw new AssertionError("dead letter lost its original bytes: " + deadLetterLine);
        }

        String lateProcessLine = OutputDocuments.lateRecord(LateRecord.of(process));
        expect(
                OutputLines.parseOneAsciiLine(lateProcessLine),
                "/process/command_line",
                RunAsPasswords.redact(process.commandLine));
        String lateActivityLine = OutputDocuments.lateRecord(LateRecord.of(runCommand));
        expect(OutputLines.parseOneAsciiLine(lateActivityLine), "/host/name", runCommand.hostKey);

        List<String> logged = new ArrayList<>();
        for (String document : List.of(deadLetterLine, lateProcessLine)) {
            logged.add(LOG.logOne(document));
            if (!logged.get(logged.size() - 1).equals(document)) {
                throw new AssertionError("the log line does not carry the document as written: " + document);
            }
        }
        if (secret != null && !writtenElsewhere(secret, runCommand, process, deadLetter)) {
            for (String line : concat(List.of(r1.json, r2.json, deadLetterLine, lateProcessLine), logged)) {
                if (line.contains(secret)
                        || line.contains(Json.write(Json.MAPPER.getNodeFactory().textNode(secret)))) {
                    throw new AssertionError("a RunAs password reached an output: " + secret + " in " + line);
                }
            }
        }
    }

    /**
     * A RunAs command line as the managed handler writes it, {@code echo <password> | sudo -S -u <user> <script>},
     * at a fuzzed place in fuzzed text; null (and the text untouched) when the fuzzer picks none. The password is
     * letters and digits (a password with a pipe in it would end where the pipe is), long enough not to occur by chance.
     */
    private static String plantRunAsPassword(FuzzedDataProvider data, String[] texts, int index) {
        if (!data.consumeBoolean()) {
            return null;
        }
        String secret = "pw" + data.consumeAsciiString(24).replaceAll("[^A-Za-z0-9]", "") + "Z9q";
        if (secret.length() < 8) {
            return null;
        }
        String text = texts[index];
        int at = data.consumeInt(0, text.length());
        texts[index] = text.substring(0, at) + " echo " + secret + " | sudo -S -u alice "
                + "/home/alice/waagent/run-command-handler-runas/download/rc/0/script.sh " + text.substring(at);
        return secret;
    }

    /**
     * Whether the fuzzer also wrote the password's text into a field that carries no command line (an executable, a
     * host name, a file name): there it is not a RunAs secret, and showing it is right.
     */
    private static boolean writtenElsewhere(
            String secret, ActivityEvent runCommand, ProcessEvent process, DeadLetter deadLetter) {
        List<String> fields = new ArrayList<>(Arrays.asList(
                runCommand.hostKey,
                runCommand.correlationId,
                runCommand.userEmail,
                runCommand.sourceIp,
                runCommand.eventId,
                runCommand.origin.file,
                process.name,
                process.executable,
                process.parentName,
                process.parentCommandLine,
                process.eventId,
                process.origin.topic,
                deadLetter.errorMessage,
                deadLetter.origin.file));
        fields.addAll(Arrays.asList(process.args));
        fields.addAll(Arrays.asList(process.parentArgs));
        return fields.stream().anyMatch(field -> field != null && field.contains(secret));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static void expect(JsonNode document, String pointer, String expected) {
        String actual = document.at(pointer).textValue();
        if (!expected.equals(actual)) {
            throw new AssertionError(pointer + " reads back as " + actual + ", not " + expected);
        }
    }

    /** Text built from whole UTF-16 code units (any of them, unpaired surrogates too) and hostile fragments. */
    private static String text(FuzzedDataProvider data) {
        int parts = data.consumeInt(0, 6);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            switch (data.consumeInt(0, 2)) {
                case 0:
                    text.append(data.pickValue(FRAGMENTS));
                    break;
                case 1:
                    text.append(data.consumeString(40));
                    break;
                default:
                    text.append(data.consumeChar());
            }
        }
        return text.toString();
    }
}
