package io.github.rcdetect.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.alert.AlertTuning;
import io.github.rcdetect.domain.HostInventory;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.io.file.FileInputs;
import io.github.rcdetect.io.file.OutputLine;
import io.github.rcdetect.output.Json;
import io.github.rcdetect.parse.ParserLimits;
import io.github.rcdetect.parse.RecordParser;
import io.github.rcdetect.pipeline.DetectionPipeline;
import io.github.rcdetect.pipeline.SideTopics;
import io.github.rcdetect.rules.CorrelationSettings;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the real pipeline on the test MiniCluster over NDJSON files, with {@link CollectingSinks} where {@code main}
 * wires file or Kafka sinks. Runs with {@code pipeline.generic-types: false}, so any type that would
 * need Kryo fails the job.
 */
public final class DetectionRun {
    /** The three outputs, as parsed JSON, in the sorted order a bounded run writes them. */
    public record Result(
            List<ObjectNode> alerts,
            List<ObjectNode> deadLetters,
            List<ObjectNode> lateRecords,
            JobExecutionResult execution) {

        public List<ObjectNode> alerts(String ruleId) {
            return alerts.stream()
                    .filter(alert -> ruleId.equals(alert.at("/rule/id").asText()))
                    .toList();
        }

        public long counter(String accumulator) {
            Object value = execution.getAccumulatorResult(accumulator);
            return value == null ? 0 : ((Number) value).longValue();
        }
    }

    private final Path directory;
    private int parallelism = 2;
    private AlertTuning tuning = AlertTuning.none(true);
    private HostInventory inventory = new HostInventory();
    private WatermarkStrategy<InputRecord> watermarks = FileInputs.exportWatermarks();
    private long splitBytes = FileInputs.AUTOMATIC_SPLITS;

    public DetectionRun(Path directory) {
        this.directory = directory;
    }

    public DetectionRun parallelism(int parallelism) {
        this.parallelism = parallelism;
        return this;
    }

    /** Runs with these exceptions and rule settings (a bounded run's: each group once, with its final figures). */
    public DetectionRun tuning(AlertTuning tuning) {
        this.tuning = tuning;
        return this;
    }

    /** Reads the files in splits of about this many bytes instead of the size the job chooses. */
    public DetectionRun splitBytes(long splitBytes) {
        this.splitBytes = splitBytes;
        return this;
    }

    /** Runs with this host inventory, as {@code --host-inventory} gives it. */
    public DetectionRun inventory(HostInventory hostInventory) {
        this.inventory = hostInventory;
        return this;
    }

    /** Streaming-style watermarks instead of the export default (no watermark until the end of input). */
    public DetectionRun watermarks(WatermarkStrategy<InputRecord> watermarks) {
        this.watermarks = watermarks;
        return this;
    }

    /** Runs over one activity file and one process file holding these lines. */
    public Result run(List<String> activityLines, List<String> processLines) throws Exception {
        Path activity = write("activity.ndjson", activityLines);
        Path process = write("process.ndjson", processLines);
        return runFiles(List.of(activity), List.of(process));
    }

    public Result runFiles(List<Path> activityFiles, List<Path> processFiles) throws Exception {
        StreamExecutionEnvironment env = environment();
        ParserLimits limits = ParserLimits.defaults();
        DataStream<InputRecord> activity =
                FileInputs.source(env, EventStream.ACTIVITY, activityFiles, limits, watermarks, splitBytes);
        DataStream<InputRecord> process =
                FileInputs.source(env, EventStream.PROCESS, processFiles, limits, watermarks, splitBytes);
        return execute(env, activity, process);
    }

    /** One input line of a paced run: which stream it belongs to, and its JSON. */
    public record Line(EventStream stream, String json) implements java.io.Serializable {}

    /**
     * Runs over lines arriving one by one in exactly this order, activity and process interleaved as given, each
     * {@code pause} after the previous: one source feeds both streams, and the pause lets every watermark reach every
     * operator before the next record comes, so what is late is decided by the order alone. The generator sleeps the
     * pause itself (a rate limiter lets a few records through at once after an idle start-up), and every record and
     * watermark is sent on at once instead of waiting in a network buffer for its timeout.
     */
    public Result runPaced(List<Line> lines, Duration pause) throws Exception {
        StreamExecutionEnvironment env = environment();
        env.setBufferTimeout(0);
        DataStream<InputRecord> all = env.fromSource(
                new DataGeneratorSource<>(
                        new ParseLine(lines, pause),
                        lines.size(),
                        RateLimiterStrategy.noOp(),
                        TypeInformation.of(InputRecord.class)),
                watermarks,
                "paced lines");
        return execute(
                env,
                all.filter(record -> stream(record) == EventStream.ACTIVITY),
                all.filter(record -> stream(record) == EventStream.PROCESS));
    }

    /** The n-th line, {@code pause} after the one before, parsed as its stream's source would (one record each). */
    private static final class ParseLine implements GeneratorFunction<Long, InputRecord> {
        private static final long serialVersionUID = 1L;
        private final List<Line> lines;
        private final long pauseMillis;

        ParseLine(List<Line> lines, Duration pause) {
            this.lines = List.copyOf(lines);
            this.pauseMillis = pause.toMillis();
        }

        @Override
        public InputRecord map(Long index) throws InterruptedException {
            if (index > 0) {
                Thread.sleep(pauseMillis);
            }
            Line line = lines.get(index.intValue());
            byte[] bytes = line.json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            List<InputRecord> records = new ArrayList<>();
            RecordParser.forDetection(line.stream(), ParserLimits.defaults())
                    .parse(
                            bytes,
                            0,
                            bytes.length,
                            io.github.rcdetect.event.Origin.ofFile(line.stream(), "paced", index + 1),
                            records::add);
            if (records.size() != 1) {
                throw new IllegalArgumentException("a paced line must hold one record: " + line.json());
            }
            return records.get(0);
        }
    }

    private static EventStream stream(InputRecord record) {
        if (record.deadLetter != null) {
            return record.deadLetter.origin.stream;
        }
        return record.activity != null ? EventStream.ACTIVITY : EventStream.PROCESS;
    }

    private StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(DetectionPipeline.jobConfiguration());
        env.setParallelism(parallelism);
        return env;
    }

    private Result execute(
            StreamExecutionEnvironment env, DataStream<InputRecord> activity, DataStream<InputRecord> process)
            throws Exception {
        CollectingSinks sinks = new CollectingSinks();
        DetectionPipeline.build(
                activity,
                process,
                inventory,
                SideTopics.none(),
                CorrelationSettings.defaults(),
                tuning,
                ParserLimits.defaults(),
                sinks);
        JobExecutionResult execution = env.execute("test run");
        return new Result(
                parse(sinks.alertLines()), parse(sinks.deadLetterLines()), parse(sinks.lateRecordLines()), execution);
    }

    public Path write(String name, List<String> lines) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static List<ObjectNode> parse(List<OutputLine> lines) throws IOException {
        lines.sort(Comparator.comparing((OutputLine line) -> line.sortKey).thenComparing(line -> line.json));
        List<ObjectNode> documents = new ArrayList<>();
        for (OutputLine line : lines) {
            JsonNode node = Json.MAPPER.readTree(line.json);
            documents.add((ObjectNode) node);
        }
        return documents;
    }
}
