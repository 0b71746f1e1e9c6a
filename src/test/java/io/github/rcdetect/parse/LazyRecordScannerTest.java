package io.github.rcdetect.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.event.EventStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The scanner captures exactly what the lazy {@link JsonDocumentReader} captures, or gives up; it gives up rarely on
 * real records and always on what it cannot be sure Jackson reads the same way. {@link DetectionParserTest} and the
 * fuzz targets check the parser it is part of end to end.
 */
class LazyRecordScannerTest {
    private static final ParserLimits LIMITS = ParserLimits.defaults();
    /** Bytes that change a record's grammar or meaning when one byte is replaced by them. */
    private static final byte[] EDITS = "\"\\{}[],:0-.eE+ \n\t\u0001tfnu/1a".getBytes(StandardCharsets.US_ASCII);

    private final Map<EventStream, LazyRecordScanner> scanners = new EnumMap<>(EventStream.class);

    @ParameterizedTest
    @EnumSource(
            value = EventStream.class,
            names = {"ACTIVITY", "PROCESS"})
    void readsSamplesTestdataFuzzInputsAndLoadAsTheLazyReaderDoes(EventStream stream) throws IOException {
        int bare = 0;
        int scanned = 0;
        for (byte[] seed : DetectionParserTest.seeds(stream)) {
            if (isBareRecord(stream, seed)) {
                bare++;
            }
            if (assertAgreement(stream, seed)) {
                scanned++;
            }
        }
        // Of the records Jackson reads, only batches and a few with escaped names are left to it.
        assertThat(scanned).isGreaterThan(bare * 9 / 10);
    }

    @ParameterizedTest
    @EnumSource(
            value = EventStream.class,
            names = {"ACTIVITY", "PROCESS"})
    void scansEveryBareRecordOfGeneratedLoad(EventStream stream) {
        List<byte[]> bare = DetectionParserTest.generatedLoad(stream).stream()
                .filter(line -> isBareRecord(stream, line))
                .toList();
        long scanned = bare.stream()
                .filter(record -> scanner(stream).scan(record, 0, record.length) != null)
                .count();

        // Generated activity is mostly Event Hub batches, which are left to Jackson.
        assertThat(bare.size()).isGreaterThanOrEqualTo(stream == EventStream.PROCESS ? 10_000 : 20);
        assertThat(scanned).isEqualTo(bare.size());
    }

    @ParameterizedTest
    @EnumSource(
            value = EventStream.class,
            names = {"ACTIVITY", "PROCESS"})
    void readsRecordsWithOneByteReplacedAsTheLazyReaderDoesOrGivesUp(EventStream stream) throws IOException {
        List<byte[]> seeds = DetectionParserTest.seeds(stream);
        SplittableRandom random = new SplittableRandom(20261206);
        int scanned = 0;
        int givenUp = 0;
        for (int i = 0; i < 30_000; i++) {
            byte[] record = seeds.get(random.nextInt(seeds.size())).clone();
            if (record.length == 0) {
                continue;
            }
            int at = random.nextInt(record.length);
            // One in four edits any byte, which may break the record's UTF-8: the scanner must then give up.
            record[at] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : EDITS[random.nextInt(EDITS.length)];
            if (assertAgreement(stream, record)) {
                scanned++;
            } else {
                givenUp++;
            }
        }
        assertThat(scanned).as("mutations scanned").isGreaterThan(stream == EventStream.PROCESS ? 5_000 : 500);
        assertThat(givenUp).as("mutations given up").isGreaterThan(5_000);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"pid\":012}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"pid\":-}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"pid\":1.}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":1e}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":[1,]}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\" , }",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":[1 , ]}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\" :: 1}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\" \"x\":1}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":tru}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":\"\\q\"}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":\"\\u12G4\"}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":\"a\u0001b\"}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\"}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\"} x",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\"",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z",
                "[{\"@timestamp\":\"2026-03-10T10:00:00Z\"}]",
                // An Event Hub batch, also when its name is escaped.
                "{\"records\":[{\"@timestamp\":\"2026-03-10T10:00:00Z\"}]}",
                "{\"rec\\u006frds\":[{\"@timestamp\":\"2026-03-10T10:00:00Z\"}]}",
                // An escape in a name that may spell a wanted path.
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"par\\u0065nt\":{\"name\":\"bash\"}}}",
                // Numbers a field that is read holds as other than a long.
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"parent\":{\"name\":1.5}}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"parent\":{\"name\":1234567890123456789}}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"pid\":1234567890123456789}}"
            })
    void givesUpOnWhatItCannotBeSureJacksonReadsTheSameWay(String record) {
        byte[] bytes = record.getBytes(StandardCharsets.UTF_8);

        assertThat(scanner(EventStream.PROCESS).scan(bytes, 0, bytes.length)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                " {\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":{\"y\":[1,-0.5e+3,true,false,null,{},[]]}}\r\n",
                "{\"@timestamp\":\"2026\\/03\\/10\",\"process\":{\"parent\":{\"name\":\"p\\u00f6wer\\tshell\"}}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"parent\":{\"name\":\"pöwershell\"}}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"other\":{\"\\u0078\":1},\"prozeß\":{\"name\":\"x\"}}",
                "{\"process.parent.name\":\"bash\",\"process\":{\"parent\":{\"name\":\"sh\"}}}",
                "{\"process\":{\"pid\":7,\"args\":[\"a\",null,\"b\"],\"command_line\":{\"x\":1}},\"process.pid\":8}",
                "{\"process\":{\"args\":[[\"a\"]],\"parent\":{\"pid\":-12}},\"x\":-12.5}",
                "{\"process\":{\"parent\":{\"name\":-123456789012345678}},\"host\":{\"name\":[]}}",
                // Whitespace wherever the grammar allows it, which the scanner's fast paths must fall back on.
                " { \"@timestamp\" : \"2026-03-10T10:00:00Z\" ,\t\"process\" :{ \"parent\":\r{\"name\" : \"bash\" } ,"
                        + " \"args\" : [ \"a\" ,\"b\", [ 1 ] ] ,\"pid\":\n7 } } ",
                "{}"
            })
    void readsValidRecordsAsTheLazyReaderDoes(String record) {
        assertThat(assertAgreement(EventStream.PROCESS, record.getBytes(StandardCharsets.UTF_8)))
                .isTrue();
    }

    /**
     * Names of every length around the two words a known name is looked up by (3 to 17 bytes), wanted and not, the
     * same name wanted at one node and not at another, a name that is a dotted path: read the same when the scanner
     * meets them for the first time, again when it knows them, and in records that differ only in one name's length.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void readsNamesItKnowsAsNamesItMeetsFirst(int variant) {
        String record = "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"winlog\":{\"event_id\":1,\"event_data\":{"
                + "\"ParentProcessId\":7,\"ParentProcessGuid\":\"g\",\"ParentProcessI\":8,\"ParentProcessIdX\":9,"
                + "\"name\":\"n\",\"Image\":\"i\"},\"name\":\"w\",\"event_idX\":2},\"process.name\":\"a\","
                + "\"processX\":{\"name\":\"b\"},\"event\":{\"id\":\"e\",\"event_id\":3},\"process\":{\"pid\":4,"
                + "\"parent\":{\"entity_id\":\"p\",\"command_line\":\"c\"},\"executabl\":\"x\"}}";
        String edited = switch (variant) {
            case 0 -> record;
            case 1 -> record.replace("\"executabl\"", "\"executable\"").replace("\"ParentProcessI\"", "\"Image\"");
            default -> record.replace("\"process.name\"", "\"process.nam\"").replace("\"event_id\":1", "\"event_i\":1");
        };
        for (String text : List.of(record, edited, record, edited)) {
            assertThat(assertAgreement(EventStream.PROCESS, text.getBytes(StandardCharsets.UTF_8)))
                    .as(text)
                    .isTrue();
        }
    }

    /**
     * Every kind of sequence RFC 3629 forbids, in a value and in a name (wanted or not): stray continuation bytes,
     * overlong forms, encoded surrogates, code points above U+10FFFF, bytes that never occur, truncated sequences.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "80", "BF", "C0 AE", "C1 BF", "E0 80 80", "E0 9F BF", "ED A0 80", "ED BF BF", "F0 80 80 80",
                        "F0 8F BF BF",
                "F4 90 80 80", "F5 80 80 80", "F8", "FF", "C3", "E2 82", "F0 9F 98", "C3 28", "E2 28 A1", "E2 82 28",
                "F0 9F 28 80", "F0 9F 98 28"
            })
    void givesUpOnMalformedUtf8WhereverItIs(String sequence) {
        for (String around : List.of(
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":\"a%sb\"}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"parent\":{\"name\":\"%s\"}}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"a%s\":1}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":{\"%sb\":1}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":\"0123456789abcdef%s0123456789abcdef\"}")) {
            byte[] record = withBytes(around, sequence);

            assertThat(scanner(EventStream.PROCESS).scan(record, 0, record.length))
                    .as(around, sequence)
                    .isNull();
        }
    }

    /** The first and last character of each row of RFC 3629's table of well-formed sequences. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "C2 80",
                "DF BF",
                "E0 A0 80",
                "E0 BF BF",
                "E1 80 80",
                "EC BF BF",
                "ED 80 80",
                "ED 9F BF",
                "EE 80 80",
                "EF BF BF",
                "F0 90 80 80",
                "F0 BF BF BF",
                "F1 80 80 80",
                "F3 BF BF BF",
                "F4 80 80 80",
                "F4 8F BF BF"
            })
    void readsWellFormedMultiByteCharactersAsTheLazyReaderDoes(String sequence) {
        for (String around : List.of(
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":\"a%sb\"}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"parent\":{\"name\":\"%s\"}}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"a%s\":1}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":{\"%sb\":1}}",
                "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":\"0123456789abcdef%s0123456789abcdef\"}")) {
            assertThat(assertAgreement(EventStream.PROCESS, withBytes(around, sequence)))
                    .as(around, sequence)
                    .isTrue();
        }
    }

    /** {@code template} in UTF-8 with the bytes spelled in hex in place of its {@code %s}. */
    private static byte[] withBytes(String template, String hex) {
        String[] parts = template.split("%s", -1);
        byte[] before = parts[0].getBytes(StandardCharsets.UTF_8);
        byte[] after = parts[1].getBytes(StandardCharsets.UTF_8);
        String[] digits = hex.split(" ");
        byte[] record = Arrays.copyOf(before, before.length + digits.length + after.length);
        for (int i = 0; i < digits.length; i++) {
            record[before.length + i] = (byte) Integer.parseInt(digits[i], 16);
        }
        System.arraycopy(after, 0, record, before.length + digits.length, after.length);
        return record;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 40, 41})
    void givesUpOnARecordTruncatedInsideALargerBuffer(int cut) {
        byte[] buffer = "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"x\":[1,{\"y\":\"z\"}]}\n{\"a\":1}"
                .getBytes(StandardCharsets.UTF_8);
        int length = buffer.length - "\n{\"a\":1}".length();

        assertThat(scanner(EventStream.PROCESS).scan(buffer, 0, length)).isNotNull();
        assertThat(scanner(EventStream.PROCESS).scan(buffer, 0, length - cut)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 63, 64, 200})
    void givesUpBeyondItsDepthWhereJacksonsBoundDecides(int depth) {
        byte[] record = ("{\"x\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);

        CapturedRecord scanned = scanner(EventStream.PROCESS).scan(record, 0, record.length);

        assertThat(scanned == null).isEqualTo(depth > Math.min(64, LIMITS.maxNestingDepth() - 1));
    }

    /**
     * Checks that a record the scanner reads is read the same by the lazy reader (same values, positions and
     * completeness); whether the scanner read it.
     */
    /**
     * Scans with this test's scanner of the stream, as a parser scans its records one after another: the names one
     * record taught it must not change how it reads the next.
     */
    private boolean assertAgreement(EventStream stream, byte[] record) {
        CapturedRecord scanned =
                scanners.computeIfAbsent(stream, LazyRecordScannerTest::scanner).scan(record, 0, record.length);
        if (scanned == null) {
            return false;
        }
        String text = new String(record, StandardCharsets.UTF_8);
        assertThat(new WellFormedUtf8().firstMalformed(record, 0, record.length))
                .as("scanned, but not well-formed UTF-8: %s", text)
                .isEqualTo(-1);
        List<CapturedRecord> read;
        try {
            read = new JsonDocumentReader(fields(stream), LIMITS, true).read(record, 0, record.length);
        } catch (InvalidRecordException e) {
            throw new AssertionError("scanned, but the lazy reader rejects it (" + e.getMessage() + "): " + text);
        }
        assertThat(read).as(text).hasSize(1);
        CapturedRecord expected = read.get(0);
        for (FieldPath field : fields(stream)) {
            Object want = expected.raw(field);
            Object got = scanned.raw(field);
            assertThat(Objects.deepEquals(got, want))
                    .as("%s: scanned %s, read %s in %s", field.path(), show(got), show(want), text)
                    .isTrue();
        }
        assertThat(scanned.complete).as(text).isEqualTo(expected.complete);
        assertThat(scanned.start).isEqualTo(expected.start);
        assertThat(scanned.end).isEqualTo(expected.end);
        assertThat(scanned.batchIndex).isNull();
        assertThat(scanned.notAnObject).isNull();
        return true;
    }

    /** One record Jackson reads, not in an Event Hub batch. */
    private static boolean isBareRecord(EventStream stream, byte[] record) {
        try {
            List<CapturedRecord> read =
                    new JsonDocumentReader(fields(stream), LIMITS, true).read(record, 0, record.length);
            return read.size() == 1
                    && read.get(0).batchIndex == null
                    && !new String(record, StandardCharsets.UTF_8).contains("\"records\"");
        } catch (InvalidRecordException e) {
            return false;
        }
    }

    private static String show(Object value) {
        return value instanceof Object[] ? Arrays.deepToString((Object[]) value) : String.valueOf(value);
    }

    private static LazyRecordScanner scanner(EventStream stream) {
        return new LazyRecordScanner(fields(stream), LIMITS);
    }

    private static FieldPath[] fields(EventStream stream) {
        return stream == EventStream.ACTIVITY
                ? ActivityRecordParser.Field.values()
                : ProcessRecordParser.Field.values();
    }
}
