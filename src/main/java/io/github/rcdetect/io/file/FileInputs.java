package io.github.rcdetect.io.file;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.parse.ParserLimits;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;

/** Sources of a bounded run: NDJSON files, parsed as they are read. */
public final class FileInputs {
    /** Splits sized from each file's size and the parallelism ({@link LineAlignedSplitter}). */
    public static final long AUTOMATIC_SPLITS = 0;

    private FileInputs() {}

    /**
     * Files are exports, not streams: no watermark until the end of input, so the order of records within and across
     * files cannot matter and nothing is late. Timestamps are still assigned, for the event-time rules.
     */
    public static WatermarkStrategy<InputRecord> exportWatermarks() {
        return WatermarkStrategy.<InputRecord>noWatermarks()
                .withTimestampAssigner((record, previous) -> record.eventTime());
    }

    public static DataStream<InputRecord> source(
            StreamExecutionEnvironment env,
            EventStream stream,
            List<java.nio.file.Path> files,
            ParserLimits limits,
            WatermarkStrategy<InputRecord> watermarks) {
        return source(env, stream, files, limits, watermarks, AUTOMATIC_SPLITS);
    }

    /**
     * The same, with files cut into splits of about {@code splitBytes} (tests use small ones to hold origins exact
     * across many splits).
     */
    public static DataStream<InputRecord> source(
            StreamExecutionEnvironment env,
            EventStream stream,
            List<java.nio.file.Path> files,
            ParserLimits limits,
            WatermarkStrategy<InputRecord> watermarks,
            long splitBytes) {
        Path[] paths = files.stream()
                .map(file -> Path.fromLocalFile(file.toAbsolutePath().toFile()))
                .toArray(Path[]::new);
        NdjsonFileSource source = new NdjsonFileSource(paths, new NdjsonFileFormat(stream, limits), splitBytes);
        return env.fromSource(source, watermarks, stream.id() + " files").uid(stream.id() + "-files");
    }
}
