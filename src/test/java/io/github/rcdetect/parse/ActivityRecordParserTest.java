package io.github.rcdetect.parse;

import static io.github.rcdetect.parse.Parsing.ACTIVITY_ORIGIN;
import static io.github.rcdetect.parse.Parsing.activity;
import static io.github.rcdetect.parse.Parsing.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.InputRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

class ActivityRecordParserTest {

    private static ActivityEvent event(String json) {
        List<InputRecord> records = activity(json);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).deadLetter).as("dead letter").isNull();
        return records.get(0).activity;
    }

    private static DeadLetter deadLetter(String json) {
        List<InputRecord> records = activity(json);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).deadLetter).as("dead letter").isNotNull();
        return records.get(0).deadLetter;
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void rawRecordOfThePipelineTestInputMapsToEcsNames() {
        String line = sample("azure_activitylogs/test-activitylogs-raw.log")
                .lines()
                .findFirst()
                .orElseThrow();
        ActivityEvent event = event(line);
        assertThat(event.timestamp).isEqualTo(millis("2019-10-24T00:13:46.355Z"));
        assertThat(event.action).isEqualTo("MICROSOFT.EVENTHUB/NAMESPACES/AUTHORIZATIONRULES/LISTKEYS/ACTION");
        assertThat(event.outcome).as("resultType Start has no outcome").isNull();
        assertThat(event.hostKey).isEqualTo("rootmanagesharedaccesskey");
        assertThat(event.subscriptionId).isEqualTo("8a4de8b5-095c-47d0-a96f-a75130c61d53");
        assertThat(event.correlationId).isEqualTo("8a4de8b5-095c-47d0-a96f-a75130c61d53");
        assertThat(event.sourceIp).isEqualTo("81.2.69.144");
        assertThat(event.principalId).isEqualTo("8a4de8b5-095c-47d0-a96f-a75130c61d53");
        assertThat(event.userEmail).as("no name or upn claim").isNull();
        assertThat(event.origin).isEqualTo(ACTIVITY_ORIGIN);
    }

    @Test
    void everyLineOfThePipelineTestInputsParses() {
        for (String file : List.of(
                "azure_activitylogs/test-activitylogs-raw.log",
                "azure_activitylogs/test-activitylogs-mixedcase-resourceid.log")) {
            sample(file)
                    .lines()
                    .forEach(line -> assertThat(event(line).timestamp).isPositive());
        }
    }

    @Test
    void mixedCaseResourceIdsGiveNameSubscriptionTenantAndOutcome() {
        List<String> lines = sample("azure_activitylogs/test-activitylogs-mixedcase-resourceid.log")
                .lines()
                .toList();
        ActivityEvent site = event(lines.get(0));
        assertThat(site.hostKey).isEqualTo("my-app-service");
        assertThat(site.subscriptionId).isEqualTo("12345678-1234-1234-1234-123456789abc");
        assertThat(site.tenantId).isEqualTo("ffffffff-aaaa-bbbb-cccc-dddddddddddd");
        assertThat(site.outcome).isEqualTo("success");
        ActivityEvent tenantLevel = event(lines.get(1));
        assertThat(tenantLevel.hostKey).isEqualTo("microsoft.aadiam");
        assertThat(tenantLevel.subscriptionId).isNull();
    }

    @Test
    void ecsDocumentOfTheAzureIntegration() {
        ActivityEvent event = event(sample("azure_activitylogs/integrations-activitylogs-sample_event.json"));
        assertThat(event.timestamp).isEqualTo(millis("2020-11-02T08:51:36.997Z"));
        assertThat(event.action).isEqualTo("MICROSOFT.RESOURCES/DEPLOYMENTS/WRITE");
        assertThat(event.outcome).isEqualTo("success");
        assertThat(event.hostKey).isEqualTo("nomarketplace");
        assertThat(event.subscriptionId).isEqualTo("3f041b6d-fc31-41d8-8ff6-e5f16e6747ff");
        assertThat(event.correlationId).isEqualTo("876190b4-5b99-4a39-b725-4f5644911cf0");
        assertThat(event.principalId).isEqualTo("68b1adf93eb744b08eb8ce96522a08d3");
        assertThat(event.userEmail)
                .as("from the integration's underscored name claim")
                .isEqualTo("john@gmail.com");
    }

    @Test
    void eventHubMessageOfMicrosoftDocsSplitsIntoItsRecords() {
        ActivityEvent event =
                event(sample("azure_activitylogs/msdocs-activity-log-schema-eventhub-records-example.json"));
        assertThat(event.timestamp).isEqualTo(millis("2019-01-21T22:14:26.979Z"));
        assertThat(event.action).isEqualTo("microsoft.support/supporttickets/write");
        assertThat(event.hostKey).isEqualTo("123456112305841");
        assertThat(event.subscriptionId).isEqualTo("s1");
        assertThat(event.userEmail)
                .as("name claim ' admin@contoso.com', trimmed")
                .isEqualTo("admin@contoso.com");
        assertThat(event.principalId).isEqualTo("abcdef038c6444c18f1c31311fabcdef");
        assertThat(event.origin.recordIndex).isZero();
    }

    @Test
    void beatsEventHubMessageWithItsMalformedTimeIsADeadLetterOfThatRecord() {
        String message = sample("azure_activitylogs/beats-azureeventhub-README-records-vm-deallocate.json");
        DeadLetter deadLetter = deadLetter(message);
        assertThat(deadLetter.errorType.id()).isEqualTo("invalid_timestamp");
        assertThat(deadLetter.errorMessage)
                .isEqualTo("time: \"2023-06-15:54:46.8676027Z\" is not an ISO-8601 date-time");
        assertThat(deadLetter.origin.recordIndex).isZero();
        String original = new String(deadLetter.original, StandardCharsets.UTF_8);
        assertThat(original)
                .startsWith("{")
                .endsWith("}")
                .contains("VIRTUALMACHINES/AZURE-HOST-2\"")
                .doesNotContain("records");
        assertThat(deadLetter.originalLength).isEqualTo(deadLetter.original.length);
    }

    @Test
    void beatsEventHubRecordWithAValidTimeGivesTheCaller() {
        String message = sample("azure_activitylogs/beats-azureeventhub-README-records-vm-deallocate.json")
                .replace("2023-06-15:54:46.8676027Z", "2023-06-15T13:54:46.8676027Z");
        ActivityEvent event = event(message);
        assertThat(event.action).isEqualTo("MICROSOFT.COMPUTE/VIRTUALMACHINES/DEALLOCATE/ACTION");
        assertThat(event.hostKey).isEqualTo("azure-host-2");
        assertThat(event.subscriptionId).isEqualTo("12CABCB4-86E8-404F-A3D2-1DC9982F45CA");
        assertThat(event.tenantId).isEqualTo("aa40685b-417d-4664-b4ec-8f7640719adb");
        assertThat(event.sourceIp).isEqualTo("88.14.206.49");
        assertThat(event.userEmail).isEqualTo("tamara.dancheva@elastic.co");
        assertThat(event.principalId).isEqualTo("ee4d999c57f24213adac6192582b8649");
        assertThat(event.correlationId).isEqualTo("15e73c11-4990-43fb-abf5-755b4551e501");
        assertThat(event.outcome).isEqualTo("success");
    }

    @Test
    void upnClaimWhenTheNameClaimIsNoEmailAddress() {
        ActivityEvent event = event("{\"time\":\"2026-01-01T00:00:00Z\",\"identity\":{\"claims\":{"
                + "\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name\":\"Mallory\","
                + "\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn\":\"m@contoso.com\"}}}");
        assertThat(event.userEmail).isEqualTo("m@contoso.com");
    }

    @Test
    void nestedDottedAndMixedKeysAreTheSameDocument() {
        String nested = "{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"event\":{\"action\":\"A\",\"outcome\":\"success\"},"
                + "\"azure\":{\"resource\":{\"name\":\"VM1\"},\"correlation_id\":\"c1\"},"
                + "\"source\":{\"ip\":\"192.0.2.1\",\"as\":{\"number\":64512}}}";
        String dotted = "{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"event.action\":\"A\",\"event.outcome\":\"success\","
                + "\"azure.resource.name\":\"VM1\",\"azure.correlation_id\":\"c1\","
                + "\"source.ip\":\"192.0.2.1\",\"source.as.number\":64512}";
        String mixed =
                "{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"event\":{\"action\":\"A\"},\"event.outcome\":\"success\","
                        + "\"azure.resource\":{\"name\":\"VM1\"},\"azure\":{\"correlation_id\":\"c1\"},"
                        + "\"source\":{\"ip\":\"192.0.2.1\",\"as.number\":64512}}";
        for (String json : List.of(nested, dotted, mixed)) {
            ActivityEvent event = event(json);
            assertThat(event.action).isEqualTo("A");
            assertThat(event.outcome).isEqualTo("success");
            assertThat(event.hostKey).isEqualTo("vm1");
            assertThat(event.correlationId).isEqualTo("c1");
            assertThat(event.sourceIp).isEqualTo("192.0.2.1");
            assertThat(event.sourceAsNumber).isEqualTo(64512L);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"2026-03-10T10:00:00Z\"                 | 2026-03-10T10:00:00.000Z",
                "\"2026-03-10T10:00:00.1234567Z\"         | 2026-03-10T10:00:00.123Z",
                "\"2026-03-10T10:00:00.123456789Z\"       | 2026-03-10T10:00:00.123Z",
                "\"2026-03-10T10:00:00.5\"                | 2026-03-10T10:00:00.500Z",
                "\"2026-03-10T11:00:00+01:00\"            | 2026-03-10T10:00:00.000Z",
                "\"2026-03-10T05:30:00.25-0430\"          | 2026-03-10T10:00:00.250Z",
                "\"2026-03-10t10:00:00z\"                 | 2026-03-10T10:00:00.000Z",
                "1773136800000                            | 2026-03-10T10:00:00.000Z",
            })
    void timestampsOfAnyFractionLengthOffsetOrEpochMillis(String value, String expected) {
        assertThat(event("{\"@timestamp\":" + value + "}").timestamp).isEqualTo(millis(expected));
        assertThat(event("{\"time\":" + value + "}").timestamp).isEqualTo(millis(expected));
    }

    @Test
    void ecsTimestampWinsOverRawTime() {
        assertThat(event("{\"time\":\"2020-01-01T00:00:00Z\",\"@timestamp\":\"2026-01-01T00:00:00Z\"}").timestamp)
                .isEqualTo(millis("2026-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"event\":{\"action\":\"x\"}}             | missing_timestamp | no @timestamp or time field",
                "{\"@timestamp\":null}                      | missing_timestamp | no @timestamp or time field",
                "{\"@timestamp\":\"yesterday\"}             | invalid_timestamp | @timestamp: \"yesterday\" is not an ISO-8601 date-time",
                "{\"@timestamp\":true}                      | invalid_timestamp | @timestamp: expected an ISO-8601 string or epoch milliseconds, found true",
                "{\"@timestamp\":1.7e12}                    | invalid_timestamp | @timestamp: expected an ISO-8601 string or epoch milliseconds, found the fraction 1700000000000",
                "{\"@timestamp\":{\"t\":1}}                 | invalid_timestamp | @timestamp: expected a value, found an object",
                "{\"@timestamp\":-5}                        | invalid_timestamp | @timestamp: epoch milliseconds -5 is before 1970",
                "{\"time\":\"1969-12-31T23:59:59Z\"}        | invalid_timestamp | time: \"1969-12-31T23:59:59Z\" is before 1970",
                "{\"time\":\"2026-11-31T10:00:00Z\"}        | invalid_timestamp | time: \"2026-11-31T10:00:00Z\" is not an ISO-8601 date-time",
                "{\"time\":\"2999-01-01T00:00:00Z\"}        | timestamp_in_future | time: 2999-01-01T00:00:00.000Z is more than 3600 s ahead of the clock",
            })
    void recordsWithoutAUsableTimestampAreDeadLetters(String json, String type, String message) {
        DeadLetter deadLetter = deadLetter(json);
        assertThat(deadLetter.errorType.id()).isEqualTo(type);
        assertThat(deadLetter.errorMessage).isEqualTo(message);
        assertThat(new String(deadLetter.original, StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(deadLetter.origin).isEqualTo(ACTIVITY_ORIGIN);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"event\":{\"action\":{\"a\":1}}                        | event.action: expected a value, found an object",
                "\"azure.resource.name\":[\"a\",\"b\"]                   | azure.resource.name: expected one value, found an array of 2",
                "\"azure.resource.name\":[[\"a\"]]                       | azure.resource.name: expected a value, found an array holding objects or arrays",
                "\"azure\":{\"correlation_id\":\"a\"},\"azure.correlation_id\":\"b\" | azure.correlation_id: expected a value, found two different values (nested and dotted keys disagree)",
                "\"source.as.number\":\"AS64512\"                        | source.as.number: expected an integer, found the string \"AS64512\"",
                "\"source.as.number\":6.5                                | source.as.number: expected an integer, found the number 6.5",
            })
    void fieldsOfImpossibleTypesAreDeadLetters(String fields, String message) {
        DeadLetter deadLetter = deadLetter("{\"time\":\"2026-01-01T00:00:00Z\"," + fields + "}");
        assertThat(deadLetter.errorType.id()).isEqualTo("invalid_field");
        assertThat(deadLetter.errorMessage).isEqualTo(message);
    }

    @Test
    void lenientWhereTheMeaningIsClear() {
        ActivityEvent event = event("{\"time\":\"2026-01-01T00:00:00Z\",\"azure.resource.name\":[\"VM1\"],"
                + "\"azure\":{\"correlation_id\":\"c\"},\"azure.correlation_id\":\"c\","
                + "\"source.as.number\":\"64512\",\"event.outcome\":\"Failure\"}");
        assertThat(event.hostKey).isEqualTo("vm1");
        assertThat(event.correlationId).isEqualTo("c");
        assertThat(event.sourceAsNumber).isEqualTo(64512L);
        assertThat(event.outcome).isEqualTo("failure");
    }

    @Test
    void partialEcsDocumentsFallBackToTheIntegrationsActivityLogFields() {
        ActivityEvent event = event("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"azure\":{\"activitylogs\":{"
                + "\"operation_name\":\"MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION\","
                + "\"result_type\":\"Failure\"}}}");
        assertThat(event.action).isEqualTo("MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION");
        assertThat(event.outcome).isEqualTo("failure");
    }

    @ParameterizedTest
    @CsvSource({"Success,success", "Failure,failure", "FAILURE,failure", "Start,", "Accept,", "Succeeded,"})
    void outcomeFromResultTypeOnlyForSuccessOrFailure(String resultType, String outcome) {
        assertThat(event("{\"time\":\"2026-01-01T00:00:00Z\",\"resultType\":\"" + resultType + "\"}").outcome)
                .isEqualTo(outcome);
    }

    @Test
    void batchRecordsThatAreBadBecomeDeadLettersOfTheirOwn() {
        List<InputRecord> records =
                activity("{\"records\":[{\"time\":\"2026-01-01T00:00:00Z\",\"operationName\":\"A\"},5,"
                        + "{\"operationName\":\"B\"}]}");
        assertThat(records).hasSize(3);
        assertThat(records.get(0).activity.action).isEqualTo("A");
        assertThat(records.get(0).activity.origin.recordIndex).isZero();
        assertThat(records.get(1).deadLetter.errorType.id()).isEqualTo("not_an_object");
        assertThat(records.get(1).deadLetter.errorMessage).isEqualTo("records[1] is a number, not an object");
        assertThat(new String(records.get(1).deadLetter.original, StandardCharsets.UTF_8))
                .isEqualTo("5");
        assertThat(records.get(1).deadLetter.origin.recordIndex).isEqualTo(1);
        assertThat(records.get(2).deadLetter.errorType.id()).isEqualTo("missing_timestamp");
        assertThat(new String(records.get(2).deadLetter.original, StandardCharsets.UTF_8))
                .isEqualTo("{\"operationName\":\"B\"}");
        assertThat(records.get(2).deadLetter.origin.recordIndex).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[1,2]                   | not_an_object | expected a JSON object, found an array",
                "\"text\"                | not_an_object | expected a JSON object, found a string",
                "'   '                   | not_an_object | empty document",
                "{\"time\":1} {}         | invalid_json  | unexpected content after the JSON document",
                "{\"time\":              | invalid_json  | Unexpected end-of-input within/between Object entries (at byte 8)",
                "not json                | invalid_json  | Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') (at byte 4)",
            })
    void documentsThatAreNotARecordAreDeadLetters(String json, String type, String message) {
        DeadLetter deadLetter = deadLetter(json);
        assertThat(deadLetter.errorType.id()).isEqualTo(type);
        assertThat(deadLetter.errorMessage).isEqualTo(message);
        assertThat(new String(deadLetter.original, StandardCharsets.UTF_8)).isEqualTo(json);
    }

    @Test
    void invalidUtf8IsADeadLetterKeepingTheOriginalBytes() {
        byte[] bytes = {'{', '"', 't', 'i', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        List<InputRecord> records =
                Parsing.parse(io.github.rcdetect.event.EventStream.ACTIVITY, ParserLimits.defaults(), bytes);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).deadLetter.errorType.id()).isEqualTo("invalid_json");
        assertThat(records.get(0).deadLetter.original).isEqualTo(bytes);
    }
}
