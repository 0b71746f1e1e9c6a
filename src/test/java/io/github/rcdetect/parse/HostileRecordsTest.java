package io.github.rcdetect.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.output.OutputDocuments;
import io.github.rcdetect.testing.Allocation;
import io.github.rcdetect.testing.OutputLines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
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

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
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
        assertThat(record.deadLetter.errorType.id()).isEqualTo("missing_timestamp");
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
        // Once unmeasured, so that loading and initializing the parser's classes is not counted.
        only(EventStream.PROCESS, record);
        InputRecord[] parsed = new InputRecord[1];
        Allocation.Measured measured = Allocation.of(() -> parsed[0] = only(EventStream.PROCESS, record));
        assertThat(parsed[0].process.name).isEqualTo("1E+999999999");
        assertThat(parsed[0].process.commandLine).isEqualTo("-2.5E-999999999");
        assertThat(measured.bytes()).as("bytes allocated").isLessThan(4L * 1024 * 1024);
    }

    @Test
    void aHugeExponentInATimestampIsAShortMessage() {
        InputRecord record = only(EventStream.PROCESS, utf8("{\"@timestamp\":1e999999999}"));
        assertThat(record.deadLetter.errorType.id()).isEqualTo("invalid_timestamp");
        assertThat(record.deadLetter.errorMessage)
                .isEqualTo(
                        "@timestamp: expected an ISO-8601 string or epoch milliseconds, found the fraction 1E+999999999");
    }

    @Test
    void ordinaryFractionsStayPlain() {
        InputRecord record = only(
                EventStream.PROCESS, utf8("{" + TIMESTAMP + ",\"process.name\":1.7e12,\"process.command_line\":0.25}"));
        assertThat(record.process.name).isEqualTo("1700000000000");
        assertThat(record.process.commandLine).isEqualTo("0.25");
    }

    // Found by fuzzing from those inputs: an exponent BigDecimal cannot hold made Jackson throw NumberFormatException
    // out of the parser (crash-a1ef1ff0..., crash-2610e09b...), which would fail the job on every retry.

    @Test
    void anExponentBeyondBigDecimalIsReadAsItsText() {
        InputRecord timestamp = only(EventStream.ACTIVITY, utf8("{\"@timestamp\":1e999999999999}"));
        assertThat(timestamp.deadLetter.errorType.id()).isEqualTo("invalid_timestamp");
        InputRecord name =
                only(EventStream.PROCESS, utf8("{" + TIMESTAMP + ",\"process\":{\"name\":1e9999999999999}}"));
        assertThat(name.process.name).isEqualTo("1e9999999999999");
    }

    /** Any other exception inside the parser is a bug; it still must not fail the job, and the record is kept. */
    @Test
    void aParserBugIsADeadLetterPerRecordNotAFailedJob() {
        JsonRecordParser failing =
                new JsonRecordParser(ProcessRecordParser.Field.values(), ParserLimits.defaults(), false) {
                    @Override
                    InputRecord toRecord(CapturedRecord record, io.github.rcdetect.event.Origin origin) {
                        throw new IllegalStateException("a bug");
                    }

                    @Override
                    boolean mayMatch(InputRecord event) {
                        return true;
                    }
                };
        byte[] batch = utf8("{\"records\":[{\"a\":1},{\"b\":2}]}");
        List<InputRecord> records = new java.util.ArrayList<>();
        failing.parse(batch, 0, batch.length, Parsing.PROCESS_ORIGIN, records::add);
        assertThat(records).hasSize(2);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.deadLetter.errorType.id()).isEqualTo("invalid_json");
            assertThat(record.deadLetter.errorMessage)
                    .isEqualTo("parser failure: java.lang.IllegalStateException: a bug");
        });
        assertThat(records.get(1).deadLetter.original).isEqualTo(utf8("{\"b\":2}"));
    }

    // Regular expressions on attacker-sized strings: backtracking made a 1 MiB resourceId or claim cost minutes.

    @Test
    @Timeout(10)
    void aResourceIdOfSlashesUpToTheStringLimitParsesInLinearTime() throws Exception {
        String resourceId =
                "/subscriptions/s1/" + "/".repeat(ParserLimits.DEFAULT_MAX_STRING_LENGTH - 40) + "virtualMachines/vm1/";
        InputRecord[] parsed = new InputRecord[1];
        Allocation.Measured measured = Allocation.of(() ->
                parsed[0] = only(EventStream.ACTIVITY, utf8("{" + TIME + ",\"resourceId\":\"" + resourceId + "\"}")));
        assertThat(parsed[0].activity.hostKey).isEqualTo("vm1");
        assertThat(parsed[0].activity.subscriptionId).isEqualTo("s1");
        assertThat(measured.millis()).as("milliseconds").isLessThan(2_000);
    }

    @Test
    @Timeout(10)
    void aNameClaimUpToTheStringLimitIsCheckedInLinearTime() throws Exception {
        String claim = "a@" + "b.".repeat((ParserLimits.DEFAULT_MAX_STRING_LENGTH - 4) / 2) + "@";
        String record = "{" + TIME
                + ",\"identity\":{\"claims\":{\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name\":\""
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
            assertThat(CallerClaims.isEmailAddress(text.toString()))
                    .as("\"%s\"", text)
                    .isEqualTo(email.matcher(text).matches());
        }
    }

    // Invalid UTF-8. Jackson rejected stray bytes but decoded overlong forms (C0 AE as '.'), encoded surrogates and
    // code points above U+10FFFF into text. Now every record that is not well-formed UTF-8 is an invalid_json dead
    // letter whose original is kept as base64, wherever the bytes sit (a field read, one skipped, a key).

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "stray byte FF,              FF,          0xFF",
        "lone continuation byte,     80,          0x80",
        "overlong '.',               C0AE,        0xC0",
        "overlong 3-byte '.',        E080AE,      0xE0",
        "UTF-8 encoded surrogate,    EDA080,      0xED",
        "above U+10FFFF,             F4908080,    0xF4",
        "5-byte form,                F888808080,  0xF8",
        "truncated sequence,         E282,        0xE2",
    })
    void aRecordThatIsNotWellFormedUtf8IsADeadLetterKeepingItsBytes(String what, String hex, String firstByte) {
        byte[] bad = HexFormat.of().parseHex(hex);
        List<byte[]> records = List.of(
                concat(utf8("{" + TIMESTAMP + ",\"process\":{\"command_line\":\"x"), bad, utf8("\"}}")),
                concat(utf8("{" + TIMESTAMP + ",\"unread\":\"x"), bad, utf8("\"}")),
                concat(utf8("{" + TIMESTAMP + ",\"k"), bad, utf8("\":1}")));
        for (byte[] record : records) {
            InputRecord parsed = only(EventStream.PROCESS, record);
            assertThat(parsed.deadLetter).as(what).isNotNull();
            assertThat(parsed.deadLetter.errorType.id()).isEqualTo("invalid_json");
            assertThat(parsed.deadLetter.errorMessage)
                    .startsWith("not valid UTF-8: byte " + firstByte + " at byte " + indexOf(record, bad[0]));
            JsonNode document = OutputLines.parseOneAsciiLine(OutputDocuments.deadLetter(parsed.deadLetter));
            assertThat(document.at("/original_encoding").asText()).isEqualTo("base64");
            assertThat(OutputLines.originalBytes(document)).isEqualTo(record);
        }
    }

    @Test
    void everyWellFormedCharacterIsReadExactly() {
        String text = "ascii é \u0000\u001f \u07ff \u0800 \uFFFD \uFFFF \uD800\uDC00 \uDBFF\uDFFF";
        InputRecord parsed = only(
                EventStream.PROCESS,
                utf8("{" + TIMESTAMP + ",\"process\":{\"command_line\":\"" + escapeControls(text) + "\"}}"));
        assertThat(parsed.process.commandLine).isEqualTo(text);
    }

    /** A lone surrogate cannot be UTF-8, but JSON can spell one as an escape, and it then reads exactly. */
    @Test
    void anEscapedLoneSurrogateIsText() {
        InputRecord parsed =
                only(EventStream.PROCESS, utf8("{" + TIMESTAMP + ",\"process\":{\"command_line\":\"a\\ud800b\"}}"));
        assertThat(parsed.process.commandLine).isEqualTo("a\uD800b");
    }

    private static String escapeControls(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            escaped.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return escaped.toString();
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
