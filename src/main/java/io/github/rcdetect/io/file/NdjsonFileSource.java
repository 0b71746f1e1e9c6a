package io.github.rcdetect.io.file;

import io.github.rcdetect.event.InputRecord;

import org.apache.flink.connector.file.src.AbstractFileSource;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Flink's file source over {@link LineRangeSplit}s: Flink's {@code FileSource} is fixed to its own split, which has
 * no room for the first line number a split needs to give exact origins.
 */
final class NdjsonFileSource extends AbstractFileSource<InputRecord, LineRangeSplit> {
    private static final long serialVersionUID = 1L;

    NdjsonFileSource(Path[] files, NdjsonFileFormat format, long splitBytes) {
        super(files, () -> new LineAlignedSplitter(splitBytes), FileSource.DEFAULT_SPLIT_ASSIGNER, format, null);
    }

    @Override
    public SimpleVersionedSerializer<LineRangeSplit> getSplitSerializer() {
        return LineRangeSplitSerializer.INSTANCE;
    }
}
