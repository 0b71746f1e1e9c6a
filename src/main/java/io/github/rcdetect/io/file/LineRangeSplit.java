package io.github.rcdetect.io.file;

import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.Path;

/**
 * A byte range of an NDJSON file that starts at the beginning of a line and ends after one (or at the end of the
 * file), with the number of its first line: records read from it keep the file's own line numbers as origins.
 */
public final class LineRangeSplit extends FileSourceSplit {
    private static final long serialVersionUID = 1L;

    private final long firstLine;

    LineRangeSplit(
            String id,
            Path file,
            long offset,
            long length,
            long modificationTime,
            long fileSize,
            CheckpointedPosition position,
            long firstLine) {
        super(id, file, offset, length, modificationTime, fileSize, new String[0], position);
        this.firstLine = firstLine;
    }

    /**
     * A split's id: the number of its file among the run's input files, and its offset. Unique within a run, and the
     * same for the same range however often it is planned (the rest of a file in a checkpoint, then its split).
     */
    static String id(String file, long offset) {
        return file + "@" + offset;
    }

    /** The number of the input file this split is part of (see {@link #id}). */
    String file() {
        return splitId().substring(0, splitId().indexOf('@'));
    }

    /** The line number, counted from 1 in the whole file, of the split's first line. */
    public long firstLine() {
        return firstLine;
    }

    @Override
    public LineRangeSplit updateWithCheckpointedPosition(CheckpointedPosition position) {
        return new LineRangeSplit(
                splitId(), path(), offset(), length(), fileModificationTime(), fileSize(), position, firstLine);
    }

    @Override
    public String toString() {
        return super.toString() + " from line " + firstLine;
    }
}
