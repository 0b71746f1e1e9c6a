package io.github.rcdetect;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.parse.ParserLimits;
import io.github.rcdetect.rules.r1.RunCommandCorrelation;

import org.apache.flink.util.ParameterTool;
import org.apache.flink.util.TimeUtils;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every setting of the job, read from the command line and checked before anything runs. Two modes: a bounded run
 * over files ({@code --activity}/{@code --process}) or streaming between Kafka topics ({@code --bootstrap-servers}).
 */
public final class JobConfig {
    static final String USAGE =
            String.join(
                    "\n",
                    "usage: bin/detect                         (runs over the bundled testdata/)",
                    "       bin/detect --activity PATH --process PATH [--alerts FILE] [--dead-letter FILE]",
                    "       bin/detect --bootstrap-servers HOST:PORT --activity-topic T --process-topic T --alerts-topic T",
                    "                  [--dead-letter-topic T] [--late-topic T] [--group-id G] [--kafka-properties FILE]",
                    "                  [--starting-offsets earliest|latest|committed]",
                    "",
                    "Files (a bounded run in a local Flink environment):",
                    "  --activity PATH              Azure Activity Log records: an NDJSON file or a folder of *.ndjson/*.json",
                    "  --process PATH               endpoint process events: an NDJSON file or a folder of *.ndjson/*.json",
                    "  --alerts FILE                where alerts go, as NDJSON (default: standard output)",
                    "  --dead-letter FILE           where malformed records go, as NDJSON (default: standard error)",
                    "",
                    "Kafka (streaming, exactly-once alerts):",
                    "  --bootstrap-servers LIST     Kafka brokers, host:port[,host:port...]",
                    "  --activity-topic T           topic of Azure Activity Log records (Event Hub messages or single records)",
                    "  --process-topic T            topic of endpoint process events",
                    "  --alerts-topic T             topic the alerts are written to, transactionally",
                    "  --dead-letter-topic T        topic for malformed records (default: the job's log, as JSON lines)",
                    "  --late-topic T               topic for records that arrived too late for R1 (default: the job's log)",
                    "  --group-id G                 consumer group (default " + Kafka.DEFAULT_GROUP_ID + ")",
                    "  --kafka-properties FILE      Kafka client settings (security, SASL, TLS) for every consumer and producer",
                    "  --starting-offsets S         earliest, latest, or committed (the group's, else earliest; default)",
                    "  --checkpoint-interval D      how often state and alerts are committed (default 10 s)",
                    "  --checkpoint-dir URI         where checkpoints go (default: the cluster's state.checkpoints.dir)",
                    "  --activity-out-of-orderness D   how far Activity Log records may arrive out of order (default 5 min)",
                    "  --process-out-of-orderness D    how far endpoint events may arrive out of order (default 30 s)",
                    "  --activity-idle-timeout D    a silent activity partition stops holding back time after this (default 1 min)",
                    "  --process-idle-timeout D     a silent process partition stops holding back time after this (default 1 min)",
                    "  --max-activity-delay D       longest Azure takes to deliver an Activity Log record (default 15 min)",
                    "",
                    "Both:",
                    "  --invocation-max-span D      how long the later records of a Run Command still join it (default 90 min)",
                    "  --max-record-bytes N         larger records are dead letters (default " + ParserLimits.DEFAULT_MAX_RECORD_BYTES + ")",
                    "  --max-nesting-depth N        deeper JSON is a dead letter (default " + ParserLimits.DEFAULT_MAX_NESTING_DEPTH + ")",
                    "  --max-string-length N        longer JSON strings the job reads are dead letters (default " + ParserLimits.DEFAULT_MAX_STRING_LENGTH + ")",
                    "  --max-future-skew D          records stamped further ahead of the clock are dead letters (default 1 h)",
                    "  --parallelism N              operator parallelism (default: Flink's)",
                    "",
                    "  Durations: 500 ms, 30 s, 5 min, 2 h.");

    /** What {@link ParameterTool} stores for an option given without a value. */
    private static final String NO_VALUE = "__NO_VALUE_KEY";

    private static final Set<String> FILE_EXTENSIONS = Set.of(".ndjson", ".json");

    private final Exports exports;
    private final Kafka kafka;
    private final RunCommandCorrelation.Settings r1;
    private final ParserLimits parserLimits;
    private final Integer parallelism;

    /** Inputs and outputs of a bounded run. Null output files mean standard output / standard error. */
    public record Exports(List<Path> activity, List<Path> process, Path alerts, Path deadLetters) {}

    /** How a stream's watermark follows its records. */
    public record EventTime(Duration outOfOrderness, Duration idleTimeout) implements java.io.Serializable {}

    /** Where offsets start when the job starts without a checkpoint or savepoint. */
    public enum StartingOffsets {
        EARLIEST,
        LATEST,
        COMMITTED
    }

    /** Topics, client settings and checkpointing of the streaming job. */
    public static final class Kafka {
        static final String DEFAULT_GROUP_ID = "azure-runcommand-detection";

        private final String bootstrapServers;
        private final String activityTopic;
        private final String processTopic;
        private final String alertsTopic;
        private final String deadLetterTopic;
        private final String lateTopic;
        private final String groupId;
        private final Properties clientProperties;
        private final StartingOffsets startingOffsets;
        private final Duration checkpointInterval;
        private final String checkpointDir;
        private final EventTime activityTime;
        private final EventTime processTime;

        private Kafka(ParameterTool params) {
            bootstrapServers = required(params, "bootstrap-servers");
            activityTopic = required(params, "activity-topic");
            processTopic = required(params, "process-topic");
            alertsTopic = required(params, "alerts-topic");
            deadLetterTopic = optional(params, "dead-letter-topic");
            lateTopic = optional(params, "late-topic");
            groupId = params.has("group-id") ? required(params, "group-id") : DEFAULT_GROUP_ID;
            clientProperties = readClientProperties(params);
            startingOffsets = readStartingOffsets(params);
            checkpointInterval = duration(params, "checkpoint-interval", Duration.ofSeconds(10));
            checkpointDir = optional(params, "checkpoint-dir");
            activityTime =
                    new EventTime(
                            duration(params, "activity-out-of-orderness", Duration.ofMinutes(5)),
                            duration(params, "activity-idle-timeout", Duration.ofMinutes(1)));
            processTime =
                    new EventTime(
                            duration(params, "process-out-of-orderness", Duration.ofSeconds(30)),
                            duration(params, "process-idle-timeout", Duration.ofMinutes(1)));
            Set<String> topics = new TreeSet<>();
            for (String topic : new String[] {activityTopic, processTopic, alertsTopic, deadLetterTopic, lateTopic}) {
                if (topic != null && !topics.add(topic)) {
                    throw new IllegalArgumentException("topic '" + topic + "' is given for two different purposes");
                }
            }
        }

        public String bootstrapServers() {
            return bootstrapServers;
        }

        public String topic(EventStream stream) {
            return stream == EventStream.ACTIVITY ? activityTopic : processTopic;
        }

        public String alertsTopic() {
            return alertsTopic;
        }

        /** Null means the job's log. */
        public String deadLetterTopic() {
            return deadLetterTopic;
        }

        /** Null means the job's log. */
        public String lateTopic() {
            return lateTopic;
        }

        public String groupId() {
            return groupId;
        }

        /** The client settings of the properties file; a copy, since sources and sinks add their own. */
        public Properties clientProperties() {
            Properties copy = new Properties();
            copy.putAll(clientProperties);
            return copy;
        }

        public StartingOffsets startingOffsets() {
            return startingOffsets;
        }

        public Duration checkpointInterval() {
            return checkpointInterval;
        }

        /** Null means the cluster's configuration. */
        public String checkpointDir() {
            return checkpointDir;
        }

        public EventTime eventTime(EventStream stream) {
            return stream == EventStream.ACTIVITY ? activityTime : processTime;
        }

        /** Names the settings but never their values: the properties file holds secrets. */
        @Override
        public String toString() {
            return "Kafka{bootstrapServers="
                    + bootstrapServers
                    + ", topics=["
                    + activityTopic
                    + ", "
                    + processTopic
                    + " -> "
                    + alertsTopic
                    + "], groupId="
                    + groupId
                    + ", clientProperties="
                    + new TreeSet<>(clientProperties.stringPropertyNames())
                    + "}";
        }
    }

    private JobConfig(ParameterTool params) {
        boolean fileMode = params.has("activity") || params.has("process");
        boolean kafkaMode = params.has("bootstrap-servers");
        if (fileMode && kafkaMode) {
            throw new IllegalArgumentException(
                    "give either files (--activity, --process) or Kafka (--bootstrap-servers and topics), not both");
        }
        if (!kafkaMode && Stream.of("activity-topic", "process-topic", "alerts-topic").anyMatch(params::has)) {
            throw new IllegalArgumentException("--bootstrap-servers is required with Kafka topics");
        }
        this.exports =
                kafkaMode
                        ? null
                        : new Exports(
                                inputFiles(params, "activity"),
                                inputFiles(params, "process"),
                                optionalPath(params, "alerts"),
                                optionalPath(params, "dead-letter"));
        this.kafka = kafkaMode ? new Kafka(params) : null;
        this.r1 =
                new RunCommandCorrelation.Settings(
                        duration(params, "invocation-max-span", Duration.ofMinutes(90)),
                        duration(params, "max-activity-delay", Duration.ofMinutes(15)));
        this.parserLimits =
                new ParserLimits(
                        positiveInt(params, "max-record-bytes", ParserLimits.DEFAULT_MAX_RECORD_BYTES),
                        positiveInt(params, "max-nesting-depth", ParserLimits.DEFAULT_MAX_NESTING_DEPTH),
                        positiveInt(params, "max-string-length", ParserLimits.DEFAULT_MAX_STRING_LENGTH),
                        duration(params, "max-future-skew", ParserLimits.DEFAULT_MAX_FUTURE_SKEW),
                        ParserLimits.DEFAULT_MAX_DEAD_LETTER_BYTES);
        this.parallelism = params.has("parallelism") ? positiveInt(params, "parallelism", 1) : null;
    }

    /**
     * Reads the command line.
     *
     * @throws IllegalArgumentException naming the option at fault, for a missing, malformed, contradictory or
     *     unknown option
     */
    public static JobConfig fromArgs(String... args) {
        ParameterTool params;
        try {
            params = ParameterTool.fromArgs(args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the command line: " + e.getMessage(), e);
        }
        JobConfig config = new JobConfig(params);
        Set<String> unknown = new TreeSet<>(params.getUnrequestedParameters());
        if (!unknown.isEmpty()) {
            String mode = config.isStreaming() ? "with --bootstrap-servers" : "with files";
            throw new IllegalArgumentException("unknown option(s) " + mode + ": --" + String.join(", --", unknown));
        }
        return config;
    }

    public static boolean wantsHelp(String... args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    public boolean isStreaming() {
        return kafka != null;
    }

    /** The bounded run's files; only when not streaming. */
    public Exports exports() {
        return exports;
    }

    /** The streaming job's Kafka settings; only when streaming. */
    public Kafka kafka() {
        return kafka;
    }

    public RunCommandCorrelation.Settings r1() {
        return r1;
    }

    public ParserLimits parserLimits() {
        return parserLimits;
    }

    /** Null means Flink's default. */
    public Integer parallelism() {
        return parallelism;
    }

    /** The files of an input option: the file itself, or the *.ndjson/*.json files of a folder, in name order. */
    private static List<Path> inputFiles(ParameterTool params, String option) {
        String value = required(params, option);
        Path path = Paths.get(value);
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("--" + option + ": no such file or folder: " + value);
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(path)) {
            children.filter(java.nio.file.Files::isRegularFile)
                    .filter(JobConfig::isRecordFile)
                    .sorted()
                    .forEach(found::add);
        } catch (IOException e) {
            throw new IllegalArgumentException("--" + option + ": cannot list " + value + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("--" + option + ": " + value + " holds no *.ndjson or *.json files");
        }
        return found;
    }

    private static boolean isRecordFile(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && FILE_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** The properties file's settings; a read error names the file, never its content. */
    private static Properties readClientProperties(ParameterTool params) {
        Properties properties = new Properties();
        String file = optional(params, "kafka-properties");
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(Paths.get(file), StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "--kafka-properties: cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
            }
        }
        return properties;
    }

    private static StartingOffsets readStartingOffsets(ParameterTool params) {
        String value = params.has("starting-offsets") ? required(params, "starting-offsets") : "committed";
        try {
            return StartingOffsets.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--starting-offsets: expected earliest, latest or committed, got '" + value + "'");
        }
    }

    private static String required(ParameterTool params, String option) {
        String value = params.get(option);
        if (value == null || value.isBlank() || NO_VALUE.equals(value)) {
            throw new IllegalArgumentException("--" + option + " is required");
        }
        return value;
    }

    private static String optional(ParameterTool params, String option) {
        return params.has(option) ? required(params, option) : null;
    }

    private static Path optionalPath(ParameterTool params, String option) {
        String value = optional(params, option);
        return value == null ? null : Paths.get(value);
    }

    private static int positiveInt(ParameterTool params, String option, int fallback) {
        if (!params.has(option)) {
            return fallback;
        }
        String value = required(params, option);
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + option + ": expected a positive whole number, got '" + value + "'");
    }

    private static Duration duration(ParameterTool params, String option, Duration fallback) {
        if (!params.has(option)) {
            return fallback;
        }
        String value = required(params, option);
        try {
            Duration duration = TimeUtils.parseDuration(value);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "--" + option + ": expected a positive duration like 30 s or 5 min, got '" + value + "'");
    }
}
