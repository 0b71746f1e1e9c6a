package io.github.rcdetect.io.file;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.parse.ParserLimits;
import io.github.rcdetect.parse.RecordParser;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.IteratorResultIterator;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * NDJSON files of one stream, parsed as they are read: one {@link InputRecord} per record of each line (an Event Hub
 * batch line yields several), dead letters included, with the file and line as origin. Blank lines are skipped.
 *
 * <p>A file is read in {@link LineRangeSplit}s, each from the start of a line, numbering its lines from the split's
 * first line. A reader position is the count of records emitted from the split, and a restored reader re-reads the
 * split and skips that many.
 */
public final class NdjsonFileFormat implements BulkFormat<InputRecord, LineRangeSplit> {
    private static final long serialVersionUID = 1L;
    /** Lines per batch handed to the task thread: large enough that the hand-over costs little per record. */
    static final int BATCH_LINES = 4096;

    private final EventStream stream;
    private final ParserLimits limits;

    public NdjsonFileFormat(EventStream stream, ParserLimits limits) {
        this.stream = stream;
        this.limits = limits;
    }

    @Override
    public BulkFormat.Reader<InputRecord> createReader(Configuration config, LineRangeSplit split) throws IOException {
        return new Reader(split, 0);
    }

    @Override
    public BulkFormat.Reader<InputRecord> restoreReader(Configuration config, LineRangeSplit split) throws IOException {
        return new Reader(
                split,
                split.getReaderPosition()
                        .map(CheckpointedPosition::getRecordsAfterOffset)
                        .orElse(0L));
    }

    @Override
    public boolean isSplittable() {
        return true;
    }

    @Override
    public TypeInformation<InputRecord> getProducedType() {
        return TypeInformation.of(InputRecord.class);
    }

    /** A path as the user would write it: relative to the working directory when it lies below it. */
    static String displayPath(Path path) {
        java.nio.file.Path file = Paths.get(path.toUri()).toAbsolutePath().normalize();
        java.nio.file.Path workingDirectory = Paths.get("").toAbsolutePath();
        return file.startsWith(workingDirectory)
                ? workingDirectory.relativize(file).toString()
                : file.toString();
    }

    private final class Reader implements BulkFormat.Reader<InputRecord> {
        private final FSDataInputStream input;
        private final BoundedLineReader lines;
        private final RecordParser parser;
        private final String file;
        private long lineNumber;
        private long recordsToSkip;
        private long recordsEmitted;

        Reader(LineRangeSplit split, long recordsToSkip) throws IOException {
            this.input = split.path().getFileSystem().open(split.path());
            input.seek(split.offset());
            this.parser = RecordParser.forDetection(stream, limits);
            this.lines = new BoundedLineReader(input, split.length(), parser.maxRecordBytes());
            this.file = displayPath(split.path());
            this.lineNumber = split.firstLine() - 1;
            this.recordsToSkip = recordsToSkip;
            this.recordsEmitted = recordsToSkip;
        }

        @Override
        public RecordIterator<InputRecord> readBatch() throws IOException {
            List<InputRecord> batch = new ArrayList<>();
            boolean more = true;
            while (batch.isEmpty() && more) {
                for (int read = 0; read < BATCH_LINES && (more = lines.next()); read++) {
                    lineNumber++;
                    if (!lines.isBlank()) {
                        readLine(batch);
                    }
                }
                skipRestored(batch);
            }
            if (batch.isEmpty()) {
                return null;
            }
            long skipCount = recordsEmitted;
            recordsEmitted += batch.size();
            return new IteratorResultIterator<>(batch.iterator(), CheckpointedPosition.NO_OFFSET, skipCount);
        }

        private void readLine(List<InputRecord> batch) {
            Origin origin = Origin.ofFile(stream, file, lineNumber);
            int first = batch.size();
            if (lines.length() > parser.maxRecordBytes()) {
                parser.rejectOversized(lines.bytes(), lines.keptLength(), lines.length(), origin, batch::add);
            } else {
                parser.parse(lines.bytes(), 0, lines.keptLength(), origin, batch::add);
            }
            if (batch.size() > first) {
                batch.get(first).fileBytes = (int) Math.min(Integer.MAX_VALUE, lines.length() + 1);
            }
        }

        private void skipRestored(List<InputRecord> batch) {
            int skip = (int) Math.min(recordsToSkip, batch.size());
            batch.subList(0, skip).clear();
            recordsToSkip -= skip;
        }

        @Override
        public void close() throws IOException {
            input.close();
        }
    }
}
