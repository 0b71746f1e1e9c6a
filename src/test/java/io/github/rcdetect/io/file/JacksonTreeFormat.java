package io.github.rcdetect.io.file;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.IteratorResultIterator;
import org.apache.flink.core.fs.FSDataInputStream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's parse limit: NDJSON lines read exactly as the job reads them ({@link BoundedLineReader}, batches of
 * {@link NdjsonFileFormat#BATCH_LINES}), each parsed into a full Jackson tree; emits the number of top-level fields of
 * each, so no parse can be optimized away.
 */
public final class JacksonTreeFormat implements BulkFormat<Integer, FileSourceSplit> {
    private static final long serialVersionUID = 1L;
    private static final int MAX_LINE_BYTES = 4 << 20;

    @Override
    public Reader<Integer> createReader(Configuration config, FileSourceSplit split) throws IOException {
        FSDataInputStream input = split.path().getFileSystem().open(split.path());
        BoundedLineReader lines = new BoundedLineReader(input, MAX_LINE_BYTES);
        ObjectMapper mapper = new ObjectMapper();
        return new Reader<>() {
            @Override
            public RecordIterator<Integer> readBatch() throws IOException {
                List<Integer> batch = new ArrayList<>(NdjsonFileFormat.BATCH_LINES);
                while (batch.size() < NdjsonFileFormat.BATCH_LINES && lines.next()) {
                    batch.add(mapper.readTree(lines.bytes(), 0, lines.keptLength())
                            .size());
                }
                return batch.isEmpty()
                        ? null
                        : new IteratorResultIterator<>(batch.iterator(), CheckpointedPosition.NO_OFFSET, 0);
            }

            @Override
            public void close() throws IOException {
                input.close();
            }
        };
    }

    @Override
    public Reader<Integer> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        return createReader(config, split);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<Integer> getProducedType() {
        return Types.INT;
    }
}
