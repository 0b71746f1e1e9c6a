package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rcdetect.event.EventStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The command line: what each option means, and a clear message naming the option for every mistake. */
class JobConfigTest {
    private static final String SECRET = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKey=s3cr3t-K3y";

    @TempDir Path directory;

    private static List<String> kafka(String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
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

    @Test
    void kafkaDefaults() {
        JobConfig config = parse(kafka());
        assertThat(config.isStreaming()).isTrue();
        JobConfig.Kafka kafka = config.kafka();
        assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(kafka.topic(EventStream.ACTIVITY)).isEqualTo("activity");
        assertThat(kafka.topic(EventStream.PROCESS)).isEqualTo("process");
        assertThat(kafka.alertsTopic()).isEqualTo("alerts");
        assertThat(kafka.deadLetterTopic()).isNull();
        assertThat(kafka.lateTopic()).isNull();
        assertThat(kafka.groupId()).isEqualTo("azure-runcommand-detection");
        assertThat(kafka.startingOffsets()).isEqualTo(JobConfig.StartingOffsets.COMMITTED);
        assertThat(kafka.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(kafka.eventTime(EventStream.ACTIVITY))
                .isEqualTo(new JobConfig.EventTime(Duration.ofMinutes(5), Duration.ofMinutes(1)));
        assertThat(kafka.eventTime(EventStream.PROCESS))
                .isEqualTo(new JobConfig.EventTime(Duration.ofSeconds(30), Duration.ofMinutes(1)));
        assertThat(config.r1().maxActivityDelay()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.r1().maxInvocationSpan()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void kafkaOptions() {
        JobConfig.Kafka kafka =
                parse(
                                kafka(
                                        "--dead-letter-topic", "dead",
                                        "--late-topic", "late",
                                        "--group-id", "soc",
                                        "--starting-offsets", "Latest",
                                        "--checkpoint-interval", "30 s",
                                        "--activity-out-of-orderness", "10 min",
                                        "--process-idle-timeout", "5 min"))
                        .kafka();
        assertThat(kafka.deadLetterTopic()).isEqualTo("dead");
        assertThat(kafka.lateTopic()).isEqualTo("late");
        assertThat(kafka.groupId()).isEqualTo("soc");
        assertThat(kafka.startingOffsets()).isEqualTo(JobConfig.StartingOffsets.LATEST);
        assertThat(kafka.checkpointInterval()).isEqualTo(Duration.ofSeconds(30));
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
        JobConfig.Kafka kafka = parse(kafka("--kafka-properties", file.toString())).kafka();
        assertThat(kafka.clientProperties().getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(kafka.clientProperties().getProperty("sasl.jaas.config")).contains(SECRET);
        kafka.clientProperties().setProperty("security.protocol", "changed by a sink");
        assertThat(kafka.clientProperties().getProperty("security.protocol")).as("each caller gets a copy").isEqualTo("SASL_SSL");
        assertThat(kafka.toString()).contains("sasl.jaas.config").doesNotContain(SECRET).doesNotContain("password");
    }

    @Test
    void anUnreadablePropertiesFileIsNamedWithoutItsContent() {
        assertThatThrownBy(() -> parse(kafka("--kafka-properties", directory.resolve("missing.properties").toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--kafka-properties: cannot read " + directory.resolve("missing.properties") + " (NoSuchFileException)");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--bootstrap-servers 127.0.0.1:9092 --process-topic p --alerts-topic a | --activity-topic is required",
                "--bootstrap-servers 127.0.0.1:9092 --activity-topic x --process-topic p | --alerts-topic is required",
                "--bootstrap-servers --activity-topic x --process-topic p --alerts-topic a | --bootstrap-servers is required",
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
            })
    void mistakesAreReportedByOption(String commandLine, String message) {
        assertThatThrownBy(() -> JobConfig.fromArgs(commandLine.split(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void filesOfAFolderAreItsNdjsonAndJsonFilesInNameOrder() throws IOException {
        Files.writeString(directory.resolve("b.json"), "{}");
        Files.writeString(directory.resolve("a.ndjson"), "{}");
        Files.writeString(directory.resolve("notes.txt"), "x");
        Files.writeString(directory.resolve(".hidden.ndjson"), "{}");
        JobConfig config = JobConfig.fromArgs("--activity", directory.toString(), "--process", directory.resolve("b.json").toString());
        assertThat(config.isStreaming()).isFalse();
        assertThat(config.exports().activity()).containsExactly(directory.resolve("a.ndjson"), directory.resolve("b.json"));
        assertThat(config.exports().process()).containsExactly(directory.resolve("b.json"));
        assertThat(config.exports().alerts()).isNull();
        assertThat(config.exports().deadLetters()).isNull();
    }
}
