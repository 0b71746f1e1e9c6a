package io.github.rcdetect;

import io.github.rcdetect.parse.ParserLimits;

import org.apache.flink.util.ParameterTool;
import org.apache.flink.util.TimeUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Every setting of the job, read from the command line and checked before anything runs. */
public final class JobConfig {
    static final String USAGE =
            String.join(
                    "\n",
                    "usage: bin/detect                         (runs over the bundled testdata/)",
                    "       bin/detect --activity PATH --process PATH [--alerts FILE] [--dead-letter FILE]",
                    "",
                    "  --activity PATH            Azure Activity Log records: an NDJSON file or a folder of *.ndjson/*.json",
                    "  --process PATH             endpoint process events: an NDJSON file or a folder of *.ndjson/*.json",
                    "  --alerts FILE              where alerts go, as NDJSON (default: standard output)",
                    "  --dead-letter FILE         where malformed records go, as NDJSON (default: standard error)",
                    "",
                    "  --invocation-max-span D    how long the later records of a Run Command still join it (default 90 min)",
                    "  --max-record-bytes N       larger records are dead letters (default " + ParserLimits.DEFAULT_MAX_RECORD_BYTES + ")",
                    "  --max-nesting-depth N      deeper JSON is a dead letter (default " + ParserLimits.DEFAULT_MAX_NESTING_DEPTH + ")",
                    "  --max-string-length N      longer JSON strings are dead letters (default " + ParserLimits.DEFAULT_MAX_STRING_LENGTH + ")",
                    "  --max-future-skew D        records stamped further ahead of the clock are dead letters (default 1 h)",
                    "  --parallelism N            operator parallelism (default: Flink's)",
                    "",
                    "  Durations: 500 ms, 30 s, 5 min, 2 h.");

    /** What {@link ParameterTool} stores for an option given without a value. */
    private static final String NO_VALUE = "__NO_VALUE_KEY";

    private static final Set<String> FILE_EXTENSIONS = Set.of(".ndjson", ".json");

    private final List<Path> activityFiles;
    private final List<Path> processFiles;
    private final Path alertsFile;
    private final Path deadLetterFile;
    private final Duration invocationMaxSpan;
    private final ParserLimits parserLimits;
    private final Integer parallelism;

    private JobConfig(ParameterTool params) {
        this.activityFiles = inputFiles(params, "activity");
        this.processFiles = inputFiles(params, "process");
        this.alertsFile = optionalPath(params, "alerts");
        this.deadLetterFile = optionalPath(params, "dead-letter");
        this.invocationMaxSpan = duration(params, "invocation-max-span", Duration.ofMinutes(90));
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
     * @throws IllegalArgumentException naming the option at fault, for a missing, malformed or unknown option
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
            throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", unknown));
        }
        return config;
    }

    public static boolean wantsHelp(String... args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    public List<Path> activityFiles() {
        return activityFiles;
    }

    public List<Path> processFiles() {
        return processFiles;
    }

    /** Null means standard output. */
    public Path alertsFile() {
        return alertsFile;
    }

    /** Null means standard error. */
    public Path deadLetterFile() {
        return deadLetterFile;
    }

    public Duration invocationMaxSpan() {
        return invocationMaxSpan;
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
        List<Path> files = new ArrayList<>();
        try (Stream<Path> children = Files.list(path)) {
            children.filter(Files::isRegularFile).filter(JobConfig::isRecordFile).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new IllegalArgumentException("--" + option + ": cannot list " + value + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("--" + option + ": " + value + " holds no *.ndjson or *.json files");
        }
        return files;
    }

    private static boolean isRecordFile(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && FILE_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static String required(ParameterTool params, String option) {
        String value = params.get(option);
        if (value == null || value.isBlank() || NO_VALUE.equals(value)) {
            throw new IllegalArgumentException("--" + option + " is required");
        }
        return value;
    }

    private static Path optionalPath(ParameterTool params, String option) {
        return params.has(option) ? Paths.get(required(params, option)) : null;
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
        throw new IllegalArgumentException("--" + option + ": expected a positive duration like 30 s or 5 min, got '" + value + "'");
    }
}
