package io.github.rcdetect.io.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.parse.ParserLimits;
import io.github.rcdetect.testing.Allocation;
import io.github.rcdetect.testing.HugeLines;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * A 100 MB line and 100,000-deep documents in an NDJSON file cost the reader bounded memory and little time: each
 * becomes a limit_exceeded dead letter, and the records around them still parse.
 */
@Timeout(60)
class HugeLinesInFilesTest {
    /** A script child, so the detection's parser gives the whole event (noise would come out as its time alone). */
    private static final String EVENT =
            "{\"@timestamp\":\"2026-03-10T10:00:00Z\",\"process\":{\"name\":\"whoami.exe\",\"parent\":{\"name\":\"powershell.exe\"}}}";

    @TempDir
    java.nio.file.Path directory;

    @Test
    void hugeAndDeepLinesAreDeadLettersReadInBoundedMemory() throws Exception {
        java.nio.file.Path file = directory.resolve("process.ndjson");
        long hugeLength;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            line(out, EVENT);
            hugeLength = HugeLines.writeHugeRecord(out, HugeLines.HUNDRED_MB);
            out.write('\n');
            line(out, HugeLines.deepArrayRecord());
            line(out, HugeLines.deepObjectRecord());
            line(out, EVENT);
        }
        // The first read of any file pays for Flink's file system and the parser's classes; that is not per line.
        java.nio.file.Path small = directory.resolve("small.ndjson");
        Files.write(small, List.of(EVENT, EVENT));
        Allocation.Measured warmUp = Allocation.of(() -> readAll(small, new ArrayList<>()));

        List<InputRecord> records = new ArrayList<>();
        Allocation.Measured measured = Allocation.of(() -> readAll(file, records));
        System.out.printf(
                "HugeLinesInFilesTest: %,d byte file read in %d ms, %,d bytes allocated by the reading thread"
                        + " (first small file: %,d bytes)%n",
                Files.size(file), measured.millis(), measured.bytes(), warmUp.bytes());

        assertThat(records).hasSize(5);
        assertThat(records.get(0).process.name).isEqualTo("whoami.exe");
        InputRecord huge = records.get(1);
        assertThat(huge.deadLetter.errorType.id()).isEqualTo("limit_exceeded");
        assertThat(huge.deadLetter.errorMessage)
                .isEqualTo("record of " + hugeLength + " bytes exceeds the limit of "
                        + ParserLimits.DEFAULT_MAX_RECORD_BYTES);
        assertThat(huge.deadLetter.originalLength).isEqualTo(hugeLength);
        assertThat(huge.deadLetter.original).hasSize(ParserLimits.DEFAULT_MAX_DEAD_LETTER_BYTES);
        assertThat(new String(huge.deadLetter.original, 0, 40, StandardCharsets.US_ASCII))
                .startsWith("{\"@timestamp\"");
        assertThat(huge.deadLetter.origin.line).isEqualTo(2);
        for (InputRecord deep : List.of(records.get(2), records.get(3))) {
            assertThat(deep.deadLetter.errorType.id()).isEqualTo("limit_exceeded");
            assertThat(deep.deadLetter.errorMessage)
                    .startsWith("Document nesting depth (65) exceeds the maximum allowed (64");
        }
        assertThat(records.get(4).process.name).isEqualTo("whoami.exe");

        // The line reader keeps at most the record limit (4 MiB) of a line, growing its buffer to it by doubling
        // (~8 MiB in all); everything else streams past.
        assertThat(measured.bytes()).as("bytes allocated reading a 100 MB line").isLessThan(20L * 1024 * 1024);
        assertThat(measured.millis()).as("milliseconds").isLessThan(15_000);
    }

    private static void line(OutputStream out, String json) throws IOException {
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    private static void readAll(java.nio.file.Path file, List<InputRecord> records) throws IOException {
        NdjsonFileFormat format = new NdjsonFileFormat(EventStream.PROCESS, ParserLimits.defaults());
        LineRangeSplit split = new LineRangeSplit(
                "0", Path.fromLocalFile(file.toFile()), 0, Files.size(file), 0, Files.size(file), null, 1);
        try (BulkFormat.Reader<InputRecord> reader = format.createReader(new Configuration(), split)) {
            BulkFormat.RecordIterator<InputRecord> batch;
            while ((batch = reader.readBatch()) != null) {
                RecordAndPosition<InputRecord> next;
                while ((next = batch.next()) != null) {
                    records.add(next.getRecord());
                }
                batch.releaseBatch();
            }
        }
    }
}
