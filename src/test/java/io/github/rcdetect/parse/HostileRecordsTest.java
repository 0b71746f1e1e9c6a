package io.github.rcdetect.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.testing.Allocation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/** Records built to hurt the parser, each a case the fuzz targets or a review of them found; see the commit log. */
class HostileRecordsTest {
    private static final String TIMESTAMP = "\"@timestamp\":\"2026-03-10T10:00:00Z\"";
    private static final String TIME = "\"time\":\"2026-03-10T10:00:00Z\"";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static InputRecord only(EventStream stream, byte[] record) {
        List<InputRecord> records = ParseContract.check(stream, record);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    // An Event Hub message with an empty "records" array gave no output at all: silently dropped.

    @Test
    void anEmptyRecordsArrayIsNoBatchButTheMessageItself() {
        InputRecord record = only(EventStream.ACTIVITY, utf8("{\"records\":[]}"));
        assertThat(record.deadLetter.errorType).isEqualTo("missing_timestamp");
        assertThat(record.deadLetter.original).isEqualTo(utf8("{\"records\":[]}"));
    }

    @Test
    void anEmptyRecordsArrayBesideRecordFieldsLeavesTheRecord() {
        InputRecord record = only(EventStream.ACTIVITY, utf8("{" + TIME + ",\"operationName\":\"X\",\"records\":[]}"));
        assertThat(record.activity.action).isEqualTo("X");
    }

    // A fraction with a huge exponent was written out digit by digit: 1e999999999 as a billion characters.

    @Test
    void aHugeExponentIsWrittenInScientificNotationWithinBoundedMemory() throws Exception {
        byte[] record = utf8("{" + TIMESTAMP + ",\"process\":{\"name\":1e999999999,\"command_line\":-2.5E-999999999}}");
        InputRecord[] parsed = new InputRecord[1];
        Allocation.Measured measured = Allocation.of(() -> parsed[0] = only(EventStream.PROCESS, record));
        assertThat(parsed[0].process.name).isEqualTo("1E+999999999");
        assertThat(parsed[0].process.commandLine).isEqualTo("-2.5E-999999999");
        assertThat(measured.bytes()).as("bytes allocated").isLessThan(4L * 1024 * 1024);
    }

    @Test
    void aHugeExponentInATimestampIsAShortMessage() {
        InputRecord record = only(EventStream.PROCESS, utf8("{\"@timestamp\":1e999999999}"));
        assertThat(record.deadLetter.errorType).isEqualTo("invalid_timestamp");
        assertThat(record.deadLetter.errorMessage)
                .isEqualTo("@timestamp: expected an ISO-8601 string or epoch milliseconds, found the fraction 1E+999999999");
    }

    @Test
    void ordinaryFractionsStayPlain() {
        InputRecord record = only(EventStream.PROCESS, utf8("{" + TIMESTAMP + ",\"process.name\":1.7e12,\"process.command_line\":0.25}"));
        assertThat(record.process.name).isEqualTo("1700000000000");
        assertThat(record.process.commandLine).isEqualTo("0.25");
    }

    // Regular expressions on attacker-sized strings: backtracking made a 1 MiB resourceId or claim cost minutes.

    @Test
    @Timeout(10)
    void aResourceIdOfSlashesUpToTheStringLimitParsesInLinearTime() throws Exception {
        String resourceId = "/subscriptions/s1/" + "/".repeat(ParserLimits.DEFAULT_MAX_STRING_LENGTH - 40) + "virtualMachines/vm1/";
        InputRecord[] parsed = new InputRecord[1];
        Allocation.Measured measured =
                Allocation.of(() -> parsed[0] = only(EventStream.ACTIVITY, utf8("{" + TIME + ",\"resourceId\":\"" + resourceId + "\"}")));
        assertThat(parsed[0].activity.hostKey).isEqualTo("vm1");
        assertThat(parsed[0].activity.subscriptionId).isEqualTo("s1");
        assertThat(measured.millis()).as("milliseconds").isLessThan(2_000);
    }

    @Test
    @Timeout(10)
    void aNameClaimUpToTheStringLimitIsCheckedInLinearTime() throws Exception {
        String claim = "a@" + "b.".repeat((ParserLimits.DEFAULT_MAX_STRING_LENGTH - 4) / 2) + "@";
        String record =
                "{" + TIME + ",\"identity\":{\"claims\":{\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name\":\""
                        + claim
                        + "\",\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn\":\"u@contoso.com\"}}}";
        InputRecord[] parsed = new InputRecord[1];
        Allocation.Measured measured = Allocation.of(() -> parsed[0] = only(EventStream.ACTIVITY, utf8(record)));
        assertThat(parsed[0].activity.userEmail).isEqualTo("u@contoso.com");
        assertThat(measured.millis()).as("milliseconds").isLessThan(2_000);
    }

    @Test
    void theEmailCheckAgreesWithTheRegularExpressionItReplaces() {
        Pattern email = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
        char[] alphabet = {'a', '@', '.', ' ', '\t', '\n', '\u000B', '\u00A0', 'é'};
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(9); n > 0; n--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(AzureResources.isEmailAddress(text.toString()))
                    .as("\"%s\"", text)
                    .isEqualTo(email.matcher(text).matches());
        }
    }
}
