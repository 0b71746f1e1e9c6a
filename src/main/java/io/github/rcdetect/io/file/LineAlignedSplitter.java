package io.github.rcdetect.io.file;

import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a file into {@link LineRangeSplit}s, so that one big export is parsed by every slot instead of one: a split
 * ends after the first line end at or past its target size, so no record is cut or read twice, and a line longer
 * than a split is still one line of one split.
 *
 * <p>The first line of each split is counted here, in one pass over the file that only counts {@code '\n'} bytes
 * (GB/s, against the ~100 MB/s the parser reads), so origins stay exact file:line positions without a second pass
 * by the readers. A file no larger than the target size is one split and is not read here.
 */
final class LineAlignedSplitter {
    /** Splits per slot to aim for: enough that slots finishing at different times wait little for each other. */
    private static final int SPLITS_PER_SLOT = 4;

    private static final long MIN_SPLIT_BYTES = 4L << 20;
    private static final long MAX_SPLIT_BYTES = 64L << 20;
    private static final int SCAN_BUFFER_BYTES = 1 << 20;

    /** What planning a file yields, split by split, in file order. */
    interface Plan {
        /**
         * The next split, and the rest of the file after it as one split (its first line known), or null when the
         * file ends with this split.
         */
        void next(LineRangeSplit split, LineRangeSplit rest);
    }

    /** The target split size; 0 chooses it from the file size and the parallelism. */
    private final long splitBytes;

    LineAlignedSplitter(long splitBytes) {
        this.splitBytes = splitBytes;
    }

    /** The files of these paths, folders listed recursively in name order, each whole as one split from line 1. */
    static List<LineRangeSplit> wholeFiles(Path[] paths) throws IOException {
        List<LineRangeSplit> files = new ArrayList<>();
        for (Path path : paths) {
            FileSystem fs = path.getFileSystem();
            addFiles(fs, fs.getFileStatus(path), files);
        }
        return files;
    }

    private static void addFiles(FileSystem fs, FileStatus status, List<LineRangeSplit> files) throws IOException {
        if (status.isDir()) {
            FileStatus[] children = fs.listStatus(status.getPath());
            Arrays.sort(children, Comparator.comparing(child -> child.getPath().getName()));
            for (FileStatus child : children) {
                addFiles(fs, child, files);
            }
            return;
        }
        files.add(new LineRangeSplit(
                LineRangeSplit.id(String.valueOf(files.size()), 0),
                status.getPath(),
                0,
                status.getLen(),
                status.getModificationTime(),
                status.getLen(),
                null,
                1));
    }

    /** Cuts {@code file} (a whole file, or the rest of one) into splits for {@code slots} readers. */
    void plan(LineRangeSplit file, int slots, Plan plan) throws IOException {
        long target = splitBytes > 0
                ? splitBytes
                : Math.max(MIN_SPLIT_BYTES, Math.min(MAX_SPLIT_BYTES, file.length() / (SPLITS_PER_SLOT * slots)));
        if (file.length() <= target) {
            plan.next(file, null);
            return;
        }
        byte[] buffer = new byte[SCAN_BUFFER_BYTES];
        long end = file.offset() + file.length();
        long bufferOffset = file.offset();
        long lineEnds = 0;
        long splitStart = file.offset();
        long splitFirstLine = file.firstLine();
        long seekFrom = splitStart + target;
        try (FSDataInputStream in = file.path().getFileSystem().open(file.path())) {
            in.seek(file.offset());
            int read;
            // No further than the range planned, should the file grow meanwhile.
            while (bufferOffset < end
                    && (read = in.read(buffer, 0, (int) Math.min(buffer.length, end - bufferOffset))) > 0) {
                int i = 0;
                while (i < read) {
                    long untilTarget = seekFrom - (bufferOffset + i);
                    if (untilTarget > 0) {
                        int stop = (int) Math.min(read, i + untilTarget);
                        lineEnds += Newlines.count(buffer, i, stop);
                        i = stop;
                        continue;
                    }
                    int newline = Newlines.indexOf(buffer, i, read);
                    if (newline < 0) {
                        i = read;
                        continue;
                    }
                    lineEnds++;
                    long next = bufferOffset + newline + 1;
                    long nextFirstLine = file.firstLine() + lineEnds;
                    LineRangeSplit rest = next < end ? range(file, next, end - next, nextFirstLine) : null;
                    plan.next(range(file, splitStart, next - splitStart, splitFirstLine), rest);
                    if (rest == null) {
                        return;
                    }
                    splitStart = next;
                    splitFirstLine = nextFirstLine;
                    seekFrom = next + target;
                    i = newline + 1;
                }
                bufferOffset += read;
            }
        }
        plan.next(range(file, splitStart, end - splitStart, splitFirstLine), null);
    }

    /** A range of the file {@code of} is part of. */
    private static LineRangeSplit range(LineRangeSplit of, long offset, long length, long firstLine) {
        return new LineRangeSplit(
                LineRangeSplit.id(of.file(), offset),
                of.path(),
                offset,
                length,
                of.fileModificationTime(),
                of.fileSize(),
                null,
                firstLine);
    }
}
