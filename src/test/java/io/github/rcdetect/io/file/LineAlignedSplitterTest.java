package io.github.rcdetect.io.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.output.Json;
import io.github.rcdetect.parse.ParserLimits;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

class LineAlignedSplitterTest {
    @TempDir
    java.nio.file.Path directory;

    @Test
    void aFileNoLargerThanTheTargetIsOneSplitFromLineOne() throws IOException {
        java.nio.file.Path file = write("small.ndjson", "a\nb\n".getBytes(StandardCharsets.UTF_8));

        List<LineRangeSplit> splits = splits(4, file);

        assertThat(splits).hasSize(1);
        assertThat(splits.get(0).offset()).isZero();
        assertThat(splits.get(0).length()).isEqualTo(4);
        assertThat(splits.get(0).firstLine()).isEqualTo(1);
    }

    /** Without a size of its own, a split is a quarter of a slot's share of the file, but never under 4 MiB. */
    @Test
    void theAutomaticSizeGivesEachOfTwoSlotsSeveralSplitsOfAtLeast4MiB() throws IOException {
        byte[] line = ("{\"n\":\"" + "x".repeat(1000) + "\"}\n").getBytes(StandardCharsets.UTF_8);
        byte[] text = new byte[line.length * 20_000]; // ~20 MB: a slot's quarter (2.5 MB) is raised to 4 MiB
        for (int i = 0; i < 20_000; i++) {
            System.arraycopy(line, 0, text, i * line.length, line.length);
        }
        java.nio.file.Path file = write("automatic.ndjson", text);

        List<LineRangeSplit> splits = splits(FileInputs.AUTOMATIC_SPLITS, file);

        assertThat(splits).hasSize(5);
        assertThat(splits.subList(0, 4))
                .allMatch(split -> split.length() >= (4L << 20) && split.length() < (4L << 20) + line.length);
        assertThat(splits.get(4).offset() + splits.get(4).length()).isEqualTo(text.length);
    }

    @Test
    void aSplitEndsAtTheFirstLineEndPastItsTargetSoALongLineStaysWhole() throws IOException {
        String text = "ab\n" + "x".repeat(50) + "\r\nc\n\nd";
        java.nio.file.Path file = write("long.ndjson", text.getBytes(StandardCharsets.UTF_8));

        List<LineRangeSplit> splits = splits(2, file);

        assertThat(splits)
                .extracting(split -> split.offset() + "+" + split.length() + "@" + split.firstLine())
                .containsExactly("0+3@1", "3+52@2", "55+3@3", "58+1@5");
    }

    /** Against a brute-force count, on random bytes near '\n' in value, random line lengths and split sizes. */
    @Test
    void splitsCoverTheFileFromLineStartsAndKnowTheLineNumberOfEach() throws IOException {
        byte[] alphabet = {'\n', '\r', 'a', '{', (byte) 0x8A, 0x0B, 0x09, (byte) 0xFF, 0x00};
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 300; round++) {
            byte[] text = new byte[1 + random.nextInt(3000)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(random.nextInt(4) == 0 ? alphabet.length : 3)];
            }
            java.nio.file.Path file = write("random-" + round + ".ndjson", text);
            long target = 1 + random.nextInt(400);

            long next = 0;
            for (LineRangeSplit split : splits(target, file)) {
                assertThat(split.offset()).as("round %d: contiguous", round).isEqualTo(next);
                assertThat(split.offset() == 0 || text[(int) split.offset() - 1] == '\n')
                        .as("round %d: split at %d starts a line", round, split.offset())
                        .isTrue();
                assertThat(split.firstLine())
                        .as("round %d: first line of the split at %d", round, split.offset())
                        .isEqualTo(1 + newlinesBefore(text, (int) split.offset()));
                next = split.offset() + split.length();
            }
            assertThat(next).as("round %d: covers the file", round).isEqualTo(text.length);
        }
    }

    @Test
    void theRestGivenWithEachSplitIsWhereTheNextOneStartsWithItsLine() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("x".repeat(i % 37)).append(i % 5 == 0 ? "\r\n" : "\n");
        }
        java.nio.file.Path file = write("rests.ndjson", text.toString().getBytes(StandardCharsets.UTF_8));
        LineRangeSplit whole = LineAlignedSplitter.wholeFiles(new Path[] {Path.fromLocalFile(file.toFile())})
                .get(0);
        List<LineRangeSplit> splits = new ArrayList<>();
        List<LineRangeSplit> rests = new ArrayList<>();
        new LineAlignedSplitter(300).plan(whole, 2, (split, rest) -> {
            splits.add(split);
            rests.add(rest);
        });

        assertThat(splits).hasSizeGreaterThan(5);
        for (int i = 0; i + 1 < splits.size(); i++) {
            LineRangeSplit next = splits.get(i + 1);
            assertThat(rests.get(i).offset()).isEqualTo(next.offset());
            assertThat(rests.get(i).firstLine()).isEqualTo(next.firstLine());
            assertThat(rests.get(i).offset() + rests.get(i).length()).isEqualTo(whole.length());
            assertThat(rests.get(i).splitId()).isEqualTo(next.splitId());
        }
        assertThat(rests.get(rests.size() - 1)).isNull();
        // The rest planned again gives the same splits as the whole file did.
        List<LineRangeSplit> again = new ArrayList<>();
        new LineAlignedSplitter(300).plan(rests.get(2), 2, (split, rest) -> again.add(split));
        assertThat(again)
                .extracting(LineRangeSplit::toString)
                .containsExactlyElementsOf(splits.subList(3, splits.size()).stream()
                        .map(LineRangeSplit::toString)
                        .toList());
    }

    @Test
    void newlinesAreCountedExactlyWhereverTheyFallInAWord() {
        byte[] alphabet = {'\n', 0x0B, (byte) 0x8A, 0x09, 0x00, 'a'};
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 1000; round++) {
            byte[] text = new byte[random.nextInt(100)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int from = text.length == 0 ? 0 : random.nextInt(text.length);
            assertThat(Newlines.count(text, from, text.length))
                    .isEqualTo(newlinesBefore(text, text.length) - newlinesBefore(text, from));
        }
    }

    @Test
    void folderFilesAreSplitOneByOneInNameOrder() throws IOException {
        java.nio.file.Path folder = Files.createDirectories(directory.resolve("folder"));
        Files.writeString(folder.resolve("2.ndjson"), "c\nd\n");
        Files.writeString(folder.resolve("1.ndjson"), "a\nb\n");

        List<LineRangeSplit> splits = splits(1, folder);

        assertThat(splits)
                .extracting(split -> split.path().getName() + ":" + split.firstLine())
                .containsExactly("1.ndjson:1", "1.ndjson:2", "2.ndjson:1", "2.ndjson:2");
        assertThat(splits).extracting(FileSourceSplit::splitId).doesNotHaveDuplicates();
    }

    /**
     * The records of every split, in split order, are those of the file read whole, origins included: testdata's
     * process events, an Event Hub batch, blank lines, a line that is not JSON and a line without its newline.
     */
    @Test
    void theRecordsOfAllSplitsAreThoseOfTheFileReadWholeWithTheirLines() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(java.nio.file.Path.of("testdata/process/1-defend-windows.ndjson"))) {
            text.append(line).append("\n\n");
        }
        text.append("{not json\r\n")
                .append(Files.readAllLines(java.nio.file.Path.of("testdata/activity/1-eventhub-azure-monitor.ndjson"))
                        .get(0))
                .append("\n  \n{\"@timestamp\": 3}");
        java.nio.file.Path file = write("mixed.ndjson", text.toString().getBytes(StandardCharsets.UTF_8));

        List<String> whole = read(splits(Long.MAX_VALUE, file));
        assertThat(whole).hasSizeGreaterThan(10);
        for (long target : new long[] {1, 100, 1000, 5000}) {
            List<LineRangeSplit> splits = splits(target, file);
            assertThat(splits).hasSizeGreaterThan(1);
            assertThat(read(splits)).as("split every %d bytes", target).containsExactlyElementsOf(whole);
        }
    }

    @Test
    void aSplitComesBackFromItsSerializedFormWithItsLineAndPosition() throws IOException {
        LineRangeSplit split = new LineRangeSplit(
                        "7", new Path("/exports/process.ndjson"), 4096, 1000, 12345L, 99999L, null, 42)
                .updateWithCheckpointedPosition(new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 17));

        LineRangeSplitSerializer serializer = LineRangeSplitSerializer.INSTANCE;
        LineRangeSplit back = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));

        assertThat(back.toString()).isEqualTo(split.toString()).contains("from line 42");
        assertThat(back.firstLine()).isEqualTo(42);
        assertThat(back.getReaderPosition()).isEqualTo(split.getReaderPosition());
        assertThat(back.fileModificationTime()).isEqualTo(12345L);
    }

    /** Every split of the file or folder, as planned for two readers. */
    static List<LineRangeSplit> splits(long target, java.nio.file.Path file) throws IOException {
        List<LineRangeSplit> splits = new ArrayList<>();
        LineAlignedSplitter splitter = new LineAlignedSplitter(target);
        for (LineRangeSplit whole : LineAlignedSplitter.wholeFiles(new Path[] {Path.fromLocalFile(file.toFile())})) {
            splitter.plan(whole, 2, (split, rest) -> splits.add(split));
        }
        return splits;
    }

    /** Each record as JSON, origin and bytes read included. */
    static List<String> read(List<LineRangeSplit> splits) throws IOException {
        NdjsonFileFormat format = new NdjsonFileFormat(EventStream.PROCESS, ParserLimits.defaults());
        List<String> records = new ArrayList<>();
        for (LineRangeSplit split : splits) {
            try (BulkFormat.Reader<InputRecord> reader = format.createReader(new Configuration(), split)) {
                BulkFormat.RecordIterator<InputRecord> batch;
                while ((batch = reader.readBatch()) != null) {
                    RecordAndPosition<InputRecord> next;
                    while ((next = batch.next()) != null) {
                        records.add(Json.write(Json.MAPPER.valueToTree(next.getRecord())));
                    }
                    batch.releaseBatch();
                }
            }
        }
        return records;
    }

    private java.nio.file.Path write(String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }

    private static long newlinesBefore(byte[] text, int end) {
        long count = 0;
        for (int i = 0; i < end; i++) {
            if (text[i] == '\n') {
                count++;
            }
        }
        return count;
    }
}
