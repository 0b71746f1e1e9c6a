package io.github.rcdetect.config;

import static io.github.rcdetect.config.Option.Scope.BOTH;
import static io.github.rcdetect.config.Option.Scope.FILES;
import static io.github.rcdetect.config.Option.Scope.KAFKA;

import io.github.rcdetect.io.kafka.StartingOffsets;
import io.github.rcdetect.parse.ParserLimits;
import io.github.rcdetect.rules.CorrelationSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Every option of the job, once. The usage text is generated from this table, and docs/ is checked against it. */
public final class Options {
    private Options() {}

    // Files.
    static final Option<String> ACTIVITY = Option.required(
            "activity",
            FILES,
            ValueKind.text("PATH"),
            "Azure Activity Log records: an NDJSON file or a folder of *.ndjson/*.json");
    static final Option<String> PROCESS = Option.required(
            "process",
            FILES,
            ValueKind.text("PATH"),
            "endpoint process events: an NDJSON file or a folder of *.ndjson/*.json");
    static final Option<Path> ALERTS =
            Option.optional("alerts", FILES, ValueKind.path("FILE"), "standard output", "where alerts go, as NDJSON");
    static final Option<Path> DEAD_LETTER = Option.optional(
            "dead-letter", FILES, ValueKind.path("FILE"), "standard error", "where malformed records go, as NDJSON");

    // Kafka.
    static final Option<String> BOOTSTRAP_SERVERS = Option.required(
            "bootstrap-servers", KAFKA, ValueKind.text("LIST"), "Kafka brokers, host:port[,host:port...]");
    static final Option<String> ACTIVITY_TOPIC = Option.required(
            "activity-topic",
            KAFKA,
            ValueKind.TEXT,
            "topic of Azure Activity Log records (Event Hub messages or single records)");
    static final Option<String> PROCESS_TOPIC =
            Option.required("process-topic", KAFKA, ValueKind.TEXT, "topic of endpoint process events");
    static final Option<String> ALERTS_TOPIC =
            Option.required("alerts-topic", KAFKA, ValueKind.TEXT, "topic the alerts are written to, transactionally");
    static final Option<String> DEAD_LETTER_TOPIC = Option.optional(
            "dead-letter-topic", KAFKA, ValueKind.TEXT, "the job's log, as JSON lines", "topic for malformed records");
    static final Option<String> LATE_TOPIC = Option.optional(
            "late-topic",
            KAFKA,
            ValueKind.TEXT,
            "the job's log",
            "topic for records that arrived too late for a correlation");
    static final Option<String> GROUP_ID = Option.withDefault(
            "group-id",
            KAFKA,
            ValueKind.text("G"),
            "azure-runcommand-detection",
            "consumer group, and the prefix of the sinks' transactional ids");
    static final Option<Path> KAFKA_PROPERTIES = Option.optional(
            "kafka-properties",
            KAFKA,
            ValueKind.path("FILE"),
            "none",
            "Kafka client settings (security, SASL, TLS) for every consumer and producer");
    static final Option<StartingOffsets> STARTING_OFFSETS = Option.withDefault(
            "starting-offsets",
            KAFKA,
            ValueKind.oneOf(StartingOffsets.class),
            StartingOffsets.COMMITTED,
            "where to start without a checkpoint: earliest, latest, or committed (the group's, else earliest)");
    static final Option<Duration> CHECKPOINT_INTERVAL = Option.withDefault(
            "checkpoint-interval",
            KAFKA,
            ValueKind.DURATION,
            Duration.ofSeconds(10),
            "how often state and alerts are committed");
    static final Option<String> CHECKPOINT_DIR = Option.optional(
            "checkpoint-dir",
            KAFKA,
            ValueKind.text("URI"),
            "the cluster's execution.checkpointing.dir",
            "where checkpoints go");
    static final Option<Duration> ACTIVITY_OUT_OF_ORDERNESS = Option.withDefault(
            "activity-out-of-orderness",
            KAFKA,
            ValueKind.DURATION,
            Duration.ofMinutes(5),
            "how far Activity Log records may arrive out of order");
    static final Option<Duration> PROCESS_OUT_OF_ORDERNESS = Option.withDefault(
            "process-out-of-orderness",
            KAFKA,
            ValueKind.DURATION,
            Duration.ofSeconds(30),
            "how far endpoint events may arrive out of order");
    static final Option<Duration> ACTIVITY_IDLE_TIMEOUT = Option.withDefault(
            "activity-idle-timeout",
            KAFKA,
            ValueKind.DURATION,
            Duration.ofMinutes(1),
            "a silent activity partition stops holding back time after this");
    static final Option<Duration> PROCESS_IDLE_TIMEOUT = Option.withDefault(
            "process-idle-timeout",
            KAFKA,
            ValueKind.DURATION,
            Duration.ofMinutes(1),
            "a silent process partition stops holding back time after this");
    static final Option<String> HOST_INVENTORY_TOPIC = Option.optional(
            "host-inventory-topic",
            KAFKA,
            ValueKind.TEXT,
            "none",
            "compacted topic of host inventory entries keyed by resource id, applied live");
    static final Option<String> EXCEPTIONS_TOPIC = Option.optional(
            "exceptions-topic",
            KAFKA,
            ValueKind.TEXT,
            "none",
            "compacted topic of exception items keyed by item id, applied live (instead of --exceptions)");
    static final Option<String> VALUE_LISTS_TOPIC = Option.optional(
            "value-lists-topic",
            KAFKA,
            ValueKind.TEXT,
            "none",
            "compacted topic of the value lists the exception items name, keyed by list id, applied live");
    static final Option<Duration> KAFKA_WAIT = Option.withDefault(
            "kafka-wait",
            KAFKA,
            ValueKind.DURATION,
            Duration.ofMinutes(1),
            "how long the start waits for the Kafka cluster and the input topics before it gives up");
    static final Option<Duration> STATUS_INTERVAL = Option.withDefault(
            "status-interval",
            KAFKA,
            ValueKind.DURATION,
            Duration.ofMinutes(1),
            "how often a stream prints its status line on standard error");
    static final Option<Duration> MAX_ACTIVITY_DELAY = Option.withDefault(
            "max-activity-delay",
            KAFKA,
            ValueKind.DURATION,
            CorrelationSettings.DEFAULT_MAX_ACTIVITY_DELAY,
            "longest Azure takes to deliver an Activity Log record");

    // Both.
    static final Option<String> HOST_INVENTORY = Option.optional(
            "host-inventory",
            BOTH,
            ValueKind.text("PATH"),
            "none",
            "Azure VMs and scale sets with their guests' computer names: a JSON file or a folder of them");
    static final Option<String> EXCEPTIONS = Option.optional(
            "exceptions",
            BOTH,
            ValueKind.text("PATH"),
            "none",
            "Kibana exception-list exports (NDJSON): a file or a folder of them");
    static final Option<String> VALUE_LIST = Option.repeatable(
            "value-list",
            BOTH,
            ValueKind.text("ID=PATH"),
            "none",
            "a value list the exceptions name by ID: a text file, one value a line (repeatable)");
    static final Option<Path> RULE_SETTINGS = Option.optional(
            "rule-settings",
            BOTH,
            ValueKind.path("FILE"),
            "every rule enabled, no suppression",
            "each rule's enabled and alert_suppression, as JSON keyed by rule id");
    static final Option<Duration> INVOCATION_MAX_SPAN = Option.withDefault(
            "invocation-max-span",
            BOTH,
            ValueKind.DURATION,
            CorrelationSettings.DEFAULT_MAX_INVOCATION_SPAN,
            "how long the later records of a Run Command still join it");
    static final Option<Integer> MAX_RECORD_BYTES = Option.withDefault(
            "max-record-bytes",
            BOTH,
            ValueKind.POSITIVE_INTEGER,
            ParserLimits.DEFAULT_MAX_RECORD_BYTES,
            "larger records are dead letters");
    static final Option<Integer> MAX_NESTING_DEPTH = Option.withDefault(
            "max-nesting-depth",
            BOTH,
            ValueKind.POSITIVE_INTEGER,
            ParserLimits.DEFAULT_MAX_NESTING_DEPTH,
            "deeper JSON is a dead letter");
    static final Option<Integer> MAX_STRING_LENGTH = Option.withDefault(
            "max-string-length",
            BOTH,
            ValueKind.POSITIVE_INTEGER,
            ParserLimits.DEFAULT_MAX_STRING_LENGTH,
            "longer JSON strings the job reads are dead letters");
    static final Option<Duration> MAX_FUTURE_SKEW = Option.withDefault(
            "max-future-skew",
            BOTH,
            ValueKind.DURATION,
            ParserLimits.DEFAULT_MAX_FUTURE_SKEW,
            "records stamped further ahead of the clock are dead letters");
    static final Option<Integer> PARALLELISM = Option.optional(
            "parallelism",
            BOTH,
            ValueKind.POSITIVE_INTEGER,
            "the cluster's; bin/detect: 1 under 32 MiB of files, else the cores",
            "operator parallelism");

    static final Option<Boolean> QUIET =
            Option.switchedOn("quiet", BOTH, "no progress or status lines on standard error, only the outcome");
    static final Option<Boolean> VERBOSE =
            Option.switchedOn("verbose", BOTH, "log at INFO, and show the stack trace of a failure");

    /** Every option, in the order the usage text lists them. */
    public static final List<Option<?>> ALL = List.of(
            ACTIVITY,
            PROCESS,
            ALERTS,
            DEAD_LETTER,
            BOOTSTRAP_SERVERS,
            ACTIVITY_TOPIC,
            PROCESS_TOPIC,
            ALERTS_TOPIC,
            DEAD_LETTER_TOPIC,
            LATE_TOPIC,
            GROUP_ID,
            KAFKA_PROPERTIES,
            STARTING_OFFSETS,
            CHECKPOINT_INTERVAL,
            CHECKPOINT_DIR,
            ACTIVITY_OUT_OF_ORDERNESS,
            PROCESS_OUT_OF_ORDERNESS,
            ACTIVITY_IDLE_TIMEOUT,
            PROCESS_IDLE_TIMEOUT,
            HOST_INVENTORY_TOPIC,
            EXCEPTIONS_TOPIC,
            VALUE_LISTS_TOPIC,
            KAFKA_WAIT,
            STATUS_INTERVAL,
            MAX_ACTIVITY_DELAY,
            HOST_INVENTORY,
            EXCEPTIONS,
            VALUE_LIST,
            RULE_SETTINGS,
            INVOCATION_MAX_SPAN,
            MAX_RECORD_BYTES,
            MAX_NESTING_DEPTH,
            MAX_STRING_LENGTH,
            MAX_FUTURE_SKEW,
            PARALLELISM,
            QUIET,
            VERBOSE);

    /** The usage text: synopses, then every option by the mode it applies to, with its default. */
    public static String usage() {
        StringBuilder usage = new StringBuilder();
        usage.append("usage: bin/detect                         (runs over the bundled testdata/)\n");
        usage.append("       bin/detect").append(synopsis(FILES)).append(" [options]\n");
        usage.append("       bin/detect").append(synopsis(KAFKA)).append(" [options]\n");
        for (Option.Scope scope : Option.Scope.values()) {
            usage.append('\n').append(scope.heading()).append(":\n");
            for (Option<?> option : ALL) {
                if (option.scope() == scope) {
                    usage.append(line(option));
                }
            }
        }
        usage.append("\n  Durations: 500 ms, 30 s, 5 min, 2 h.");
        return usage.toString();
    }

    private static String synopsis(Option.Scope scope) {
        StringBuilder synopsis = new StringBuilder();
        for (Option<?> option : ALL) {
            if (option.scope() == scope && option.isRequired()) {
                synopsis.append(' ').append(option.synopsis());
            }
        }
        return synopsis.toString();
    }

    private static String line(Option<?> option) {
        String left = "  " + option.synopsis();
        String help = option.help() + (option.defaultText() == null ? "" : " (default: " + option.defaultText() + ")");
        return String.format("%-34s %s", left, help) + "\n";
    }
}
