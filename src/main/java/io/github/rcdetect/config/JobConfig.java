package io.github.rcdetect.config;

import io.github.rcdetect.alert.AlertTuning;
import io.github.rcdetect.alert.exceptions.ExceptionExports;
import io.github.rcdetect.alert.exceptions.Exceptions;
import io.github.rcdetect.alert.exceptions.ValueLists;
import io.github.rcdetect.alert.suppression.RuleSettings;
import io.github.rcdetect.domain.HostInventory;
import io.github.rcdetect.io.kafka.EventTime;
import io.github.rcdetect.io.kafka.KafkaSettings;
import io.github.rcdetect.parse.InventoryRecords;
import io.github.rcdetect.parse.ParserLimits;
import io.github.rcdetect.rules.CorrelationSettings;
import io.github.rcdetect.rules.registry.Rules;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Every setting of a run, read from the command line ({@link Options}) and checked before anything runs: the run
 * mode with its own settings, and what both modes share.
 */
public final class JobConfig {
    private static final Set<String> FILE_EXTENSIONS = Set.of(".ndjson", ".json");
    /** Joins the values of a repeatable option; no command-line value holds it. */
    private static final String REPEAT_SEPARATOR = "\u0000";

    private final RunMode mode;
    private final CorrelationSettings correlation;
    private final ParserLimits parserLimits;
    private final Integer parallelism;
    private final boolean quiet;
    private final boolean verbose;
    private final HostInventory hostInventory;
    private final Exceptions exceptions;
    private final RuleSettings ruleSettings;

    private JobConfig(Map<Option<?>, String> given) {
        Values values = new Values(given);
        boolean files = given.containsKey(Options.ACTIVITY) || given.containsKey(Options.PROCESS);
        boolean kafka = given.containsKey(Options.BOOTSTRAP_SERVERS);
        if (files && kafka) {
            throw new IllegalArgumentException(
                    "give either files (--activity, --process) or Kafka (--bootstrap-servers and topics), not both");
        }
        Option.Scope scope = kafka ? Option.Scope.KAFKA : Option.Scope.FILES;
        List<String> foreign = given.keySet().stream()
                .filter(option -> !option.scope().includes(scope))
                .map(Option::flag)
                .toList();
        if (!kafka
                && Stream.of(Options.ACTIVITY_TOPIC, Options.PROCESS_TOPIC, Options.ALERTS_TOPIC)
                        .anyMatch(given::containsKey)) {
            throw new IllegalArgumentException("--bootstrap-servers is required with Kafka topics");
        }
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) "
                    + (kafka ? "with --bootstrap-servers" : "with files") + ": " + String.join(", ", foreign));
        }
        for (Option<?> option : Options.ALL) {
            if (option.isRequired() && option.scope() == scope && !given.containsKey(option)) {
                throw new IllegalArgumentException(option.flag() + " is required");
            }
        }
        if (Stream.of(Options.EXCEPTIONS_TOPIC, Options.VALUE_LISTS_TOPIC).anyMatch(given::containsKey)
                && Stream.of(Options.EXCEPTIONS, Options.VALUE_LIST).anyMatch(given::containsKey)) {
            throw new IllegalArgumentException("give exceptions either as files (--exceptions, --value-list) or as"
                    + " topics (--exceptions-topic, --value-lists-topic), not both");
        }
        this.mode = kafka ? kafkaMode(values) : filesMode(values);
        this.correlation = new CorrelationSettings(
                values.get(Options.INVOCATION_MAX_SPAN), values.get(Options.MAX_ACTIVITY_DELAY));
        this.parserLimits = new ParserLimits(
                values.get(Options.MAX_RECORD_BYTES),
                values.get(Options.MAX_NESTING_DEPTH),
                values.get(Options.MAX_STRING_LENGTH),
                values.get(Options.MAX_FUTURE_SKEW),
                ParserLimits.DEFAULT_MAX_DEAD_LETTER_BYTES);
        this.parallelism = values.get(Options.PARALLELISM);
        this.quiet = values.get(Options.QUIET);
        this.verbose = values.get(Options.VERBOSE);
        String inventory = values.get(Options.HOST_INVENTORY);
        this.hostInventory = inventory == null
                ? new HostInventory()
                : refusing(
                        Options.HOST_INVENTORY,
                        () -> new InventoryRecords(parserLimits)
                                .readFiles(inputFiles(Options.HOST_INVENTORY, inventory)));
        String valueLists = values.get(Options.VALUE_LIST);
        ValueLists lists = valueLists == null
                ? ValueLists.none()
                : refusing(Options.VALUE_LIST, () -> ValueLists.read(List.of(valueLists.split(REPEAT_SEPARATOR))));
        String exceptionFiles = values.get(Options.EXCEPTIONS);
        this.exceptions = exceptionFiles == null
                ? Exceptions.none()
                : refusing(
                        Options.EXCEPTIONS,
                        () -> new ExceptionExports(lists).read(inputFiles(Options.EXCEPTIONS, exceptionFiles)));
        Path settings = values.get(Options.RULE_SETTINGS);
        this.ruleSettings = settings == null
                ? RuleSettings.none()
                : refusing(Options.RULE_SETTINGS, () -> RuleSettings.read(settings, new LinkedHashSet<>(Rules.ids())));
    }

    /** What {@code read} gives; its refusal, prefixed with the option's flag. */
    private static <T> T refusing(Option<?> option, Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option.flag() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The exceptions and rule settings of the command line.
     *
     * @param finalFiguresOnly true for a bounded run: each suppressed group leaves once, with its final figures
     */
    public AlertTuning alertTuning(boolean finalFiguresOnly) {
        return new AlertTuning(exceptions, ruleSettings, finalFiguresOnly);
    }

    /**
     * Reads the command line: {@code --option value} pairs of {@link Options}.
     *
     * @throws IllegalArgumentException naming the option at fault, for a missing, malformed, repeated, contradictory
     *     or unknown option
     */
    public static JobConfig fromArgs(String... args) {
        Map<String, Option<?>> byFlag = new HashMap<>();
        Options.ALL.forEach(option -> byFlag.put(option.flag(), option));
        Map<Option<?>, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            Option<?> option = byFlag.get(args[i]);
            if (option == null) {
                throw new IllegalArgumentException(
                        args[i].startsWith("--")
                                ? "unknown option " + args[i] + suggestion(args[i], byFlag.keySet())
                                : "unexpected argument '" + args[i] + "' (options are --name value)");
            }
            if (option.isSwitch()) {
                if (given.put(option, "true") != null) {
                    throw new IllegalArgumentException(option.flag() + " is given twice");
                }
                continue;
            }
            if (i + 1 >= args.length || byFlag.containsKey(args[i + 1]) || args[i + 1].isBlank()) {
                throw new IllegalArgumentException(option.flag() + " needs a value (" + option.valueName() + ")");
            }
            String value = args[++i];
            String earlier = given.get(option);
            if (earlier != null && !option.isRepeatable()) {
                throw new IllegalArgumentException(option.flag() + " is given twice");
            }
            given.put(option, earlier == null ? value : earlier + REPEAT_SEPARATOR + value);
        }
        return new JobConfig(given);
    }

    /** " (did you mean --x?)" for the one known flag within two edits of a mistyped one, else nothing. */
    private static String suggestion(String typed, Set<String> flags) {
        List<String> close = flags.stream()
                .filter(flag -> editDistance(typed, flag) <= 2)
                .sorted()
                .toList();
        return close.size() == 1 ? " (did you mean " + close.get(0) + "?)" : "";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    public static boolean wantsHelp(String... args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    public RunMode mode() {
        return mode;
    }

    public CorrelationSettings correlation() {
        return correlation;
    }

    public ParserLimits parserLimits() {
        return parserLimits;
    }

    /** The host inventory read at start-up; empty without {@code --host-inventory}. */
    public HostInventory hostInventory() {
        return hostInventory;
    }

    /** No progress or status lines: only the outcome (and errors) on standard error. */
    public boolean quiet() {
        return quiet;
    }

    /** Stack traces of failures (bin/detect also logs at INFO). */
    public boolean verbose() {
        return verbose;
    }

    /** Whether the command line asks for stack traces, read before it is checked: a refusal may need one too. */
    public static boolean wantsVerbose(String... args) {
        return List.of(args).contains(Options.VERBOSE.flag());
    }

    /** Null means Flink's default. */
    public Integer parallelism() {
        return parallelism;
    }

    private static RunMode.Files filesMode(Values values) {
        return new RunMode.Files(
                inputFiles(Options.ACTIVITY, values.get(Options.ACTIVITY)),
                inputFiles(Options.PROCESS, values.get(Options.PROCESS)),
                writableOutput(Options.ALERTS, values.get(Options.ALERTS)),
                writableOutput(Options.DEAD_LETTER, values.get(Options.DEAD_LETTER)));
    }

    private static RunMode.Kafka kafkaMode(Values values) {
        KafkaSettings kafka = new KafkaSettings(
                values.get(Options.BOOTSTRAP_SERVERS),
                clientProperties(values.get(Options.KAFKA_PROPERTIES)),
                values.get(Options.GROUP_ID),
                values.get(Options.STARTING_OFFSETS),
                values.get(Options.ACTIVITY_TOPIC),
                new EventTime(values.get(Options.ACTIVITY_OUT_OF_ORDERNESS), values.get(Options.ACTIVITY_IDLE_TIMEOUT)),
                values.get(Options.PROCESS_TOPIC),
                new EventTime(values.get(Options.PROCESS_OUT_OF_ORDERNESS), values.get(Options.PROCESS_IDLE_TIMEOUT)),
                values.get(Options.ALERTS_TOPIC),
                values.get(Options.DEAD_LETTER_TOPIC),
                values.get(Options.LATE_TOPIC),
                values.get(Options.HOST_INVENTORY_TOPIC),
                values.get(Options.EXCEPTIONS_TOPIC),
                values.get(Options.VALUE_LISTS_TOPIC));
        if (kafka.valueListsTopic() != null && kafka.exceptionsTopic() == null) {
            throw new IllegalArgumentException("--value-lists-topic needs --exceptions-topic: only items name lists");
        }
        Set<String> topics = new TreeSet<>();
        for (String topic : new String[] {
            kafka.activityTopic(),
            kafka.processTopic(),
            kafka.alertsTopic(),
            kafka.deadLetterTopic(),
            kafka.lateTopic(),
            kafka.inventoryTopic(),
            kafka.exceptionsTopic(),
            kafka.valueListsTopic()
        }) {
            if (topic != null && !topics.add(topic)) {
                throw new IllegalArgumentException("topic '" + topic + "' is given for two different purposes");
            }
        }
        return new RunMode.Kafka(
                kafka,
                values.get(Options.CHECKPOINT_INTERVAL),
                values.get(Options.CHECKPOINT_DIR),
                values.get(Options.KAFKA_WAIT),
                values.get(Options.STATUS_INTERVAL));
    }

    /**
     * An output file the run can write, checked before anything runs, so that a run never ends in a stack trace after
     * doing all its work: not a folder, in a folder that exists or can be created, writable. Null (standard output or
     * error) passes.
     */
    private static Path writableOutput(Option<Path> option, Path file) {
        if (file == null) {
            return null;
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option.flag() + ": " + file + " is a folder");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IllegalArgumentException(option.flag() + ": cannot write " + file + " (not writable)");
        }
        Path folder = file.toAbsolutePath().getParent();
        while (folder != null && !Files.exists(folder)) {
            folder = folder.getParent();
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                    option.flag() + ": cannot write " + file + " (" + folder + " is not a folder)");
        }
        if (!Files.isWritable(folder)) {
            throw new IllegalArgumentException(
                    option.flag() + ": cannot write " + file + " (" + folder + " is not writable)");
        }
        return file;
    }

    /** The files of an input option: the file itself, or the *.ndjson/*.json files of a folder, in name order. */
    private static List<Path> inputFiles(Option<String> option, String value) {
        Path path = Paths.get(value);
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(option.flag() + ": no such file or folder: " + value);
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(path)) {
            children.filter(Files::isRegularFile)
                    .filter(JobConfig::isRecordFile)
                    .sorted()
                    .forEach(found::add);
        } catch (IOException e) {
            throw new IllegalArgumentException(option.flag() + ": cannot list " + value + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(option.flag() + ": " + value + " holds no *.ndjson or *.json files");
        }
        return found;
    }

    private static boolean isRecordFile(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && FILE_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** The properties file's settings; a read error names the file, never its content. */
    private static Properties clientProperties(Path file) {
        Properties properties = new Properties();
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        Options.KAFKA_PROPERTIES.flag()
                                + ": cannot read "
                                + file
                                + " ("
                                + e.getClass().getSimpleName()
                                + ")",
                        e);
            }
        }
        return properties;
    }

    /** The given options' values, read and checked, or their defaults. */
    private static final class Values {
        private final Map<Option<?>, String> given;

        Values(Map<Option<?>, String> given) {
            this.given = given;
        }

        <T> T get(Option<T> option) {
            String value = given.get(option);
            return value == null ? option.defaultValue() : option.parse(value);
        }
    }
}
