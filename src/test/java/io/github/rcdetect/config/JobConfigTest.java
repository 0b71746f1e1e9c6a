package io.github.rcdetect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.io.kafka.EventTime;
import io.github.rcdetect.io.kafka.KafkaSettings;
import io.github.rcdetect.io.kafka.StartingOffsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The command line: what each option means, and a clear message naming the option for every mistake. */
class JobConfigTest {
    private static final String SECRET = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKey=s3cr3t-K3y";

    @TempDir
    Path directory;

    private static List<String> kafka(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-servers", "127.0.0.1:9092",
                "--activity-topic", "activity",
                "--process-topic", "process",
                "--alerts-topic", "alerts"));
        args.addAll(List.of(extra));
        return args;
    }

    private static JobConfig parse(List<String> args) {
        return JobConfig.fromArgs(args.toArray(String[]::new));
    }

    private static RunMode.Kafka streaming(JobConfig config) {
        assertThat(config.mode()).isInstanceOf(RunMode.Kafka.class);
        return (RunMode.Kafka) config.mode();
    }

    private static RunMode.Files files(JobConfig config) {
        assertThat(config.mode()).isInstanceOf(RunMode.Files.class);
        return (RunMode.Files) config.mode();
    }

    @Test
    void kafkaDefaults() {
        JobConfig config = parse(kafka());
        KafkaSettings kafka = streaming(config).kafka();
        assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(kafka.topic(EventStream.ACTIVITY)).isEqualTo("activity");
        assertThat(kafka.topic(EventStream.PROCESS)).isEqualTo("process");
        assertThat(kafka.alertsTopic()).isEqualTo("alerts");
        assertThat(kafka.deadLetterTopic()).isNull();
        assertThat(kafka.lateTopic()).isNull();
        assertThat(kafka.groupId()).isEqualTo("azure-runcommand-detection");
        assertThat(kafka.startingOffsets()).isEqualTo(StartingOffsets.COMMITTED);
        assertThat(streaming(config).checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(streaming(config).checkpointDir()).isNull();
        assertThat(kafka.eventTime(EventStream.ACTIVITY))
                .isEqualTo(new EventTime(Duration.ofMinutes(5), Duration.ofMinutes(1)));
        assertThat(kafka.eventTime(EventStream.PROCESS))
                .isEqualTo(new EventTime(Duration.ofSeconds(30), Duration.ofMinutes(1)));
        assertThat(config.correlation().maxActivityDelay()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.correlation().maxInvocationSpan()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void kafkaOptions() {
        RunMode.Kafka mode = streaming(parse(kafka(
                "--dead-letter-topic", "dead",
                "--late-topic", "late",
                "--group-id", "soc",
                "--starting-offsets", "Latest",
                "--checkpoint-interval", "30 s",
                "--activity-out-of-orderness", "10 min",
                "--process-idle-timeout", "5 min")));
        KafkaSettings kafka = mode.kafka();
        assertThat(kafka.deadLetterTopic()).isEqualTo("dead");
        assertThat(kafka.lateTopic()).isEqualTo("late");
        assertThat(kafka.groupId()).isEqualTo("soc");
        assertThat(kafka.startingOffsets()).isEqualTo(StartingOffsets.LATEST);
        assertThat(mode.checkpointInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(kafka.eventTime(EventStream.ACTIVITY).outOfOrderness()).isEqualTo(Duration.ofMinutes(10));
        assertThat(kafka.eventTime(EventStream.PROCESS).idleTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void kafkaPropertiesReachTheClientsButNeverAMessage() throws IOException {
        Path file = directory.resolve("kafka.properties");
        Files.writeString(
                file,
                "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.jaas.config="
                        + "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"$ConnectionString\" password=\"" + SECRET + "\";\n");
        KafkaSettings kafka =
                streaming(parse(kafka("--kafka-properties", file.toString()))).kafka();
        assertThat(kafka.clientProperties().getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(kafka.clientProperties().getProperty("sasl.jaas.config")).contains(SECRET);
        kafka.clientProperties().setProperty("security.protocol", "changed by a sink");
        assertThat(kafka.clientProperties().getProperty("security.protocol"))
                .as("each caller gets a copy")
                .isEqualTo("SASL_SSL");
        assertThat(kafka.toString())
                .contains("sasl.jaas.config")
                .doesNotContain(SECRET)
                .doesNotContain("password");
    }

    @Test
    void anUnreadablePropertiesFileIsNamedWithoutItsContent() {
        assertThatThrownBy(() -> parse(kafka(
                        "--kafka-properties",
                        directory.resolve("missing.properties").toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--kafka-properties: cannot read " + directory.resolve("missing.properties")
                        + " (NoSuchFileException)");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--bootstrap-servers 127.0.0.1:9092 --process-topic p --alerts-topic a | --activity-topic is required",
                "--bootstrap-servers 127.0.0.1:9092 --activity-topic x --process-topic p | --alerts-topic is required",
                "--bootstrap-servers --activity-topic x --process-topic p --alerts-topic a | --bootstrap-servers needs a value (LIST)",
                "--bootstrap-servers b:1 --activity-topic x --process-topic p --alerts-topic a --group-id a --group-id b | --group-id is given twice",
                "--bootstrap-servers b:1 --activity-topic x --process-topic p --alerts-topic a --no-such-option 1 | unknown option --no-such-option",
                "--bootstrap-servers b:1 --activity-topic x --process-topic p --alerts-topic a --late-topc l | unknown option --late-topc (did you mean --late-topic?)",
                "--activity-topic x --process-topic p --alerts-topic a | --bootstrap-servers is required with Kafka topics",
                "--bootstrap-servers b:1 --activity-topic x --process-topic x --alerts-topic a | topic 'x' is given for two different purposes",
                "--bootstrap-servers b:1 --activity-topic x --process-topic p --alerts-topic a --late-topic a | topic 'a' is given for two different purposes",
                "--bootstrap-servers b:1 --activity testdata/activity | give either files (--activity, --process) or Kafka (--bootstrap-servers and topics), not both",
                "--bootstrap-servers b:1 --activity-topic x --process-topic p --alerts-topic a --starting-offsets now | --starting-offsets: expected earliest, latest or committed, got 'now'",
                "--bootstrap-servers b:1 --activity-topic x --process-topic p --alerts-topic a --checkpoint-interval soon | --checkpoint-interval: expected a positive duration like 30 s or 5 min, got 'soon'",
                "--bootstrap-servers b:1 --activity-topic x --process-topic p --alerts-topic a --checkpoint-interval 0s | --checkpoint-interval: expected a positive duration like 30 s or 5 min, got '0s'",
                "--bootstrap-servers b:1 --activity-topic x --process-topic p --alerts-topic a --alerts out.ndjson | unknown option(s) with --bootstrap-servers: --alerts",
                "--activity testdata/activity --process testdata/process --checkpoint-interval 5s | unknown option(s) with files: --checkpoint-interval",
                "--activity testdata/activity | --process is required",
                "--activity testdata/nope --process testdata/process | --activity: no such file or folder: testdata/nope",
                "--activity testdata --process testdata/process | --activity: testdata holds no *.ndjson or *.json files",
                "--activity testdata/activity --process testdata/process --parallelism two | --parallelism: expected a positive whole number, got 'two'",
                "--activity testdata/activity --process testdata/process --max-record-bytes -1 | --max-record-bytes: expected a positive whole number, got '-1'",
                "--activity testdata/activity --process testdata/process --rule-settings testdata/tuning/exceptions.ndjson | --rule-settings: testdata/tuning/exceptions.ndjson: line 2: not one JSON object",
                "--activity testdata/activity --process testdata/process --exceptions testdata/tuning/exceptions.ndjson | --exceptions: testdata/tuning/exceptions.ndjson: line 3: item build-hosts: value list build-hosts.txt is not given (--value-list build-hosts.txt=PATH)",
                "--activity testdata/activity --process testdata/process --value-list hosts | --value-list: 'hosts' is not ID=PATH",
                "--activity testdata/activity --process testdata/process --alerts testdata | --alerts: testdata is a folder",
                "--activity testdata/activity --process testdata/process --dead-letter testdata/expected-alerts.tsv/dead.ndjson | --dead-letter: cannot write testdata/expected-alerts.tsv/dead.ndjson (ABS/testdata/expected-alerts.tsv is not a folder)",
                "--activity testdata/activity --process testdata/process --host-inventory testdata/activity | --host-inventory: testdata/activity/1-eventhub-azure-monitor.ndjson: line 1: no resource id (a string field id)",
                "--bootstrap-servers b:1 --activity-topic x --process-topic p --alerts-topic a --exceptions-topic e --exceptions testdata/tuning/exceptions.ndjson | give exceptions either as files (--exceptions, --value-list) or as topics (--exceptions-topic, --value-lists-topic), not both",
                "--bootstrap-servers b:1 --activity-topic x --process-topic p --alerts-topic a --value-lists-topic v | --value-lists-topic needs --exceptions-topic: only items name lists",
                "--bootstrap-servers b:1 --activity-topic x --process-topic p --alerts-topic a --exceptions-topic e --value-lists-topic e | topic 'e' is given for two different purposes",
                "--activity testdata/activity --process testdata/process --exceptions-topic e | unknown option(s) with files: --exceptions-topic",
            })
    void mistakesAreReportedByOption(String commandLine, String message) {
        assertThatThrownBy(() -> JobConfig.fromArgs(commandLine.split(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        message.replace("ABS", Paths.get("").toAbsolutePath().toString()));
    }

    @Test
    void switchesTakeNoValueAndAreOffUnlessGiven() {
        JobConfig plain = JobConfig.fromArgs("--activity", "testdata/activity", "--process", "testdata/process");
        assertThat(plain.quiet()).isFalse();
        assertThat(plain.verbose()).isFalse();
        JobConfig both = JobConfig.fromArgs(
                "--quiet", "--activity", "testdata/activity", "--verbose", "--process", "testdata/process");
        assertThat(both.quiet()).isTrue();
        assertThat(both.verbose()).isTrue();
        assertThatThrownBy(() -> JobConfig.fromArgs(
                        "--quiet", "--activity", "testdata/activity", "--process", "testdata/process", "--quiet"))
                .hasMessage("--quiet is given twice");
        assertThat(Options.usage()).contains("  --quiet   ").doesNotContain("--quiet  V");
    }

    @Test
    void aValueListMayBeGivenOnceForEachListAndTheTuningIsRead() {
        JobConfig config = JobConfig.fromArgs(
                "--activity", "testdata/activity",
                "--process", "testdata/process",
                "--exceptions", "testdata/tuning/exceptions.ndjson",
                "--value-list", "build-hosts.txt=testdata/tuning/build-hosts.txt",
                "--value-list", "office-ranges.txt=testdata/tuning/office-ranges.txt",
                "--rule-settings", "testdata/tuning/rule-settings.json");
        assertThat(config.alertTuning(true).exceptions().items())
                .extracting(item -> item.itemId())
                .containsExactly(
                        "conhost-under-r2", "build-hosts", "expired-maintenance", "patch-principal-from-office");
        assertThat(config.alertTuning(true).settings().disabled()).containsExactly("R4");
        assertThat(config.alertTuning(false).finalFiguresOnly()).isFalse();
    }

    @Test
    void filesOfAFolderAreItsNdjsonAndJsonFilesInNameOrder() throws IOException {
        Files.writeString(directory.resolve("b.json"), "{}");
        Files.writeString(directory.resolve("a.ndjson"), "{}");
        Files.writeString(directory.resolve("notes.txt"), "x");
        Files.writeString(directory.resolve(".hidden.ndjson"), "{}");
        JobConfig config = JobConfig.fromArgs(
                "--activity",
                directory.toString(),
                "--process",
                directory.resolve("b.json").toString());
        RunMode.Files files = files(config);
        assertThat(files.activity()).containsExactly(directory.resolve("a.ndjson"), directory.resolve("b.json"));
        assertThat(files.process()).containsExactly(directory.resolve("b.json"));
        assertThat(files.alerts()).isNull();
        assertThat(files.deadLetters()).isNull();
    }
}
