package io.github.rcdetect.parse;

import static io.github.rcdetect.parse.Parsing.process;
import static io.github.rcdetect.parse.Parsing.sample;
import static io.github.rcdetect.parse.Parsing.sampleArray;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.ProcessEvent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

class ProcessRecordParserTest {

    private static ProcessEvent event(String json) {
        List<InputRecord> records = process(json);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).deadLetter).as("dead letter").isNull();
        return records.get(0).process;
    }

    private static DeadLetter deadLetter(String json) {
        List<InputRecord> records = process(json);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).deadLetter).as("dead letter").isNotNull();
        return records.get(0).deadLetter;
    }

    @Test
    void elasticDefendProcessStart() {
        ProcessEvent event = event(sample("elastic_defend_endpoint/endpoint-package-process-sample_event.json"));
        assertThat(event.timestamp)
                .isEqualTo(Instant.parse("2022-04-04T18:53:08.657Z").toEpochMilli());
        assertThat(event.hostKey).isEqualTo("data-viz-win-1");
        assertThat(event.eventAction).isEqualTo("start");
        assertThat(event.eventType).containsExactly("start");
        assertThat(event.eventCategory).containsExactly("process");
        assertThat(event.eventCode).isNull();
        assertThat(event.eventId).isEqualTo("MYfZG00oEwD2/fqT+++++CLz");
        assertThat(event.name).isEqualTo("svchost.exe");
        assertThat(event.pid).isEqualTo(2772L);
        assertThat(event.entityId)
                .isEqualTo("NGM5YzljYjMtZjgwZi00NGQ4LTljODktNjE2ODI0M2I3ZjIxLTI3NzItMTMyOTM1NzE5ODguNjU3ODk4NjAw");
        assertThat(event.executable).isEqualTo("C:\\Windows\\System32\\svchost.exe");
        assertThat(event.args).containsExactly("C:\\Windows\\System32\\svchost.exe", "-k", "WerSvcGroup");
        assertThat(event.commandLine).isEqualTo("C:\\Windows\\System32\\svchost.exe -k WerSvcGroup");
        assertThat(event.parentName).isEqualTo("services.exe");
        assertThat(event.parentPid).isEqualTo(600L);
        assertThat(event.parentArgs).isEmpty();
        assertThat(event.parentCommandLine).isEmpty();
        assertThat(event.parentExecutable).isEqualTo("C:\\Windows\\System32\\services.exe");
    }

    @Test
    void sysmonEventOneAfterIngestProcessing() {
        ProcessEvent event = event(sampleArray("windows_sysmon/beats-sysmon-12-processcreate.ingest.golden.json")
                .get(0));
        assertThat(event.timestamp)
                .isEqualTo(Instant.parse("2020-10-27T20:00:14.320Z").toEpochMilli());
        assertThat(event.hostKey).isEqualTo("vagrant");
        assertThat(event.eventCode).isEqualTo("1");
        assertThat(event.eventCategory).containsExactly("process");
        assertThat(event.eventType).containsExactly("start");
        assertThat(event.name).isEqualTo("notepad.exe");
        assertThat(event.pid).isEqualTo(3616L);
        assertThat(event.commandLine).isEqualTo("\"C:\\Windows\\system32\\notepad.exe\" ");
        assertThat(event.parentName).isEqualTo("explorer.exe");
        assertThat(event.parentPid).isEqualTo(4212L);
        assertThat(event.parentArgs).containsExactly("C:\\Windows\\Explorer.EXE");
        assertThat(event.parentCommandLine).isEqualTo("C:\\Windows\\Explorer.EXE");
    }

    @Test
    void sysmonEventOneAsWinlogbeatShipsItIsNormalizedLikeTheIngestPipeline() {
        ProcessEvent event =
                event(sampleArray("windows_sysmon/beats-sysmon-12-processcreate.evtx.collection.golden.json")
                        .get(0));
        assertThat(event.timestamp)
                .isEqualTo(Instant.parse("2020-10-27T20:00:14.324Z").toEpochMilli());
        assertThat(event.hostKey).isEqualTo("vagrant");
        assertThat(event.eventCode).isEqualTo("1");
        assertThat(event.eventCategory).containsExactly("process");
        assertThat(event.eventType).containsExactly("start");
        assertThat(event.executable).isEqualTo("C:\\Windows\\System32\\notepad.exe");
        assertThat(event.name).isEqualTo("notepad.exe");
        assertThat(event.pid).as("ProcessId is a string in event_data").isEqualTo(3616L);
        assertThat(event.entityId).isEqualTo("{9F32B55F-7C4E-5F98-5803-000000000500}");
        assertThat(event.commandLine).isEqualTo("\"C:\\Windows\\system32\\notepad.exe\" ");
        assertThat(event.parentExecutable).isEqualTo("C:\\Windows\\explorer.exe");
        assertThat(event.parentName).isEqualTo("explorer.exe");
        assertThat(event.parentPid).isEqualTo(4212L);
        assertThat(event.parentEntityId).isEqualTo("{9F32B55F-6FDF-5F98-7000-000000000500}");
        assertThat(event.parentCommandLine).isEqualTo("C:\\Windows\\Explorer.EXE");
    }

    @Test
    void rawSysmonFieldsOnlyFillWhatEcsFieldsLeaveOpen() {
        ProcessEvent event =
                event("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"process.name\":\"a.exe\",\"event.type\":\"end\","
                        + "\"winlog\":{\"provider_name\":\"Microsoft-Windows-Sysmon\",\"event_id\":1,"
                        + "\"computer_name\":\"WS1\",\"event_data\":{\"Image\":\"C:\\\\b.exe\"}}}");
        assertThat(event.name).isEqualTo("a.exe");
        assertThat(event.executable).isEqualTo("C:\\b.exe");
        assertThat(event.eventType).containsExactly("end");
        assertThat(event.eventCode).isEqualTo("1");
        assertThat(event.hostKey)
                .as("winlog.computer_name when host.name is absent")
                .isEqualTo("ws1");
    }

    @Test
    void winlogEventsOfOtherProvidersAreNotTakenForSysmon() {
        ProcessEvent event =
                event("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"winlog\":{\"provider_name\":\"Microsoft-Windows-"
                        + "Security-Auditing\",\"event_id\":\"1\"}}");
        assertThat(event.eventCode).isNull();
        assertThat(event.eventCategory).isNull();
    }

    @Test
    void nestedDottedAndMixedKeysAreTheSameDocument() {
        String nested =
                "{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"host\":{\"name\":\"H\"},\"event\":{\"action\":\"exec\","
                        + "\"type\":[\"start\"]},\"process\":{\"name\":\"id\",\"parent\":{\"name\":\"bash\","
                        + "\"args\":[\"bash\",\"/x/script.sh\"]}}}";
        String dotted = "{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"host.name\":\"H\",\"event.action\":\"exec\","
                + "\"event.type\":[\"start\"],\"process.name\":\"id\",\"process.parent.name\":\"bash\","
                + "\"process.parent.args\":[\"bash\",\"/x/script.sh\"]}";
        String mixed = "{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"host\":{\"name\":\"H\"},\"event.action\":\"exec\","
                + "\"event\":{\"type\":\"start\"},\"process\":{\"name\":\"id\",\"parent.name\":\"bash\"},"
                + "\"process.parent\":{\"args\":[\"bash\",\"/x/script.sh\"]}}";
        for (String json : List.of(nested, dotted, mixed)) {
            ProcessEvent event = event(json);
            assertThat(event.hostKey).isEqualTo("h");
            assertThat(event.eventAction).isEqualTo("exec");
            assertThat(event.eventType).containsExactly("start");
            assertThat(event.name).isEqualTo("id");
            assertThat(event.parentName).isEqualTo("bash");
            assertThat(event.parentArgs).containsExactly("bash", "/x/script.sh");
        }
    }

    @Test
    void scalarOrArrayFieldsAreReadAsArrays() {
        ProcessEvent event = event("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"event.type\":\"start\","
                + "\"event.category\":[\"process\",null,\"host\"],\"process.parent.args\":\"/x\"}");
        assertThat(event.eventType).containsExactly("start");
        assertThat(event.eventCategory).as("nulls in arrays are dropped").containsExactly("process", "host");
        assertThat(event.parentArgs).containsExactly("/x");
    }

    @Test
    void nameFallsBackToTheExecutable() {
        ProcessEvent event =
                event("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"process\":{\"executable\":\"/usr/bin/curl\","
                        + "\"parent\":{\"executable\":\"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\"
                        + "powershell.exe\"}}}");
        assertThat(event.name).isEqualTo("curl");
        assertThat(event.parentName).isEqualTo("powershell.exe");
    }

    @Test
    void missingHostIsNoErrorButNoHostKey() {
        assertThat(event("{\"@timestamp\":\"2026-01-01T00:00:00Z\"}").hostKey).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"process.pid\":\"12a\"                      | process.pid: expected an integer, found the string \"12a\"",
                "\"process\":{\"pid\":1.5}                    | process.pid: expected an integer, found the number 1.5",
                "\"process.pid\":99999999999999999999999      | process.pid: expected an integer, found the string \"99999999999999999999999\"",
                "\"process.parent.args\":[\"a\",{\"b\":1}]    | process.parent.args: expected a value, found an array holding objects or arrays",
                "\"process\":{\"parent\":{\"name\":{}}}       | process.parent.name: expected a value, found an object",
                "\"host.name\":[\"a\",\"b\"]                  | host.name: expected one value, found an array of 2",
            })
    void fieldsOfImpossibleTypesAreDeadLetters(String fields, String message) {
        DeadLetter deadLetter = deadLetter("{\"@timestamp\":\"2026-01-01T00:00:00Z\"," + fields + "}");
        assertThat(deadLetter.errorType.id()).isEqualTo("invalid_field");
        assertThat(deadLetter.errorMessage).isEqualTo(message);
    }

    @Test
    void unwantedSubtreesMayHoldAnything() {
        ProcessEvent event =
                event("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"process\":{\"Ext\":{\"ancestry\":[[1],{\"a\":[]}]},"
                        + "\"name\":\"x\"},\"host\":\"not-an-object\",\"message\":{\"deep\":[[[[\"ok\"]]]]}}");
        assertThat(event.name).isEqualTo("x");
        assertThat(event.hostKey)
                .as("a scalar where ECS has an object holds no wanted field")
                .isNull();
    }
}
