package io.github.rcdetect.io.file;

import io.github.rcdetect.event.InputRecord;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.file.src.PendingSplitsCheckpoint;
import org.apache.flink.connector.file.src.PendingSplitsCheckpointSerializer;
import org.apache.flink.connector.file.src.impl.FileSourceReader;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;

/**
 * NDJSON files as a bounded source of {@link LineRangeSplit}s, planned while they are read ({@link
 * PlanningSplitEnumerator}) and read by Flink's file source reader. Flink's {@code FileSource} is fixed to its own
 * split, which has no room for the first line number that exact origins need, and plans every split before the first
 * is read.
 */
final class NdjsonFileSource
        implements Source<InputRecord, LineRangeSplit, PendingSplitsCheckpoint<LineRangeSplit>>,
                ResultTypeQueryable<InputRecord> {
    private static final long serialVersionUID = 1L;

    private final Path[] files;
    private final NdjsonFileFormat format;
    private final long splitBytes;

    NdjsonFileSource(Path[] files, NdjsonFileFormat format, long splitBytes) {
        this.files = files;
        this.format = format;
        this.splitBytes = splitBytes;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<InputRecord, LineRangeSplit> createReader(SourceReaderContext context) {
        return new FileSourceReader<>(context, format, context.getConfiguration());
    }

    @Override
    public SplitEnumerator<LineRangeSplit, PendingSplitsCheckpoint<LineRangeSplit>> createEnumerator(
            SplitEnumeratorContext<LineRangeSplit> context) throws IOException {
        return PlanningSplitEnumerator.forFiles(context, new LineAlignedSplitter(splitBytes), files);
    }

    @Override
    public SplitEnumerator<LineRangeSplit, PendingSplitsCheckpoint<LineRangeSplit>> restoreEnumerator(
            SplitEnumeratorContext<LineRangeSplit> context, PendingSplitsCheckpoint<LineRangeSplit> checkpoint) {
        return PlanningSplitEnumerator.restored(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<LineRangeSplit> getSplitSerializer() {
        return LineRangeSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<PendingSplitsCheckpoint<LineRangeSplit>> getEnumeratorCheckpointSerializer() {
        return new PendingSplitsCheckpointSerializer<>(LineRangeSplitSerializer.INSTANCE);
    }

    @Override
    public TypeInformation<InputRecord> getProducedType() {
        return format.getProducedType();
    }
}
