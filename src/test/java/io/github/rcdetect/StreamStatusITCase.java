package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rcdetect.config.JobConfig;
import io.github.rcdetect.config.RunMode;
import io.github.rcdetect.io.kafka.KafkaReachability;
import io.github.rcdetect.io.kafka.KafkaSettings;
import io.github.rcdetect.testing.KafkaBroker;
import io.github.rcdetect.testing.StreamingJobs;
import io.github.rcdetect.testing.TestClusters;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a local stream says (docs/operations.md, "What a run says"), on a real broker: a line once it runs, then
 * status lines whose figures follow the records; and a missing topic is one line before anything starts.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StreamStatusITCase {
    @RegisterExtension
    @Order(1)
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(4);

    private static final StreamingJobs JOBS = new StreamingJobs(KAFKA);

    @TempDir
    Path directory;

    @Test
    void aRunningStreamSaysSoAndThenPrintsStatusLinesThatFollowTheRecords() throws Exception {
        KafkaBroker.Topics topics = KAFKA.createTopics(1);
        JobClient job = JOBS.start(JOBS.args(topics, directory), new Configuration());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(captured, true, StandardCharsets.UTF_8);
        CompletableFuture<Void> following = CompletableFuture.runAsync(() -> {
            try {
                new StreamStatus(false, Duration.ofMillis(500), err).follow(job, "detect: running");
            } catch (Exception e) {
                // the job is cancelled below
            }
        });
        String expected;
        try {
            JOBS.invocationAt(
                    topics,
                    "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/VM1",
                    "vm1",
                    "2026-03-11T10:00:00Z",
                    1);
            KAFKA.awaitCommitted(topics.alerts(), records -> records.size() >= 2, StreamingJobs.WAIT);
            // The invocation's process records, and the ticks it sent again while it waited for the job to read them.
            expected = "status: records read activity=2 process="
                    + KAFKA.ends(topics.process()).highWatermark()
                    + ", alerts R1=1 R2=1 R3=0 R4=0, dead letters 0, late records 0, watermark lag activity=";
            long deadline = System.nanoTime() + StreamingJobs.WAIT.toNanos();
            while (!lastLine(captured).startsWith(expected) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        } finally {
            job.cancel().get();
            following.get(30, TimeUnit.SECONDS);
        }
        String figures = expected;
        List<String> lines = lines(captured);
        assertThat(lines.get(0)).isEqualTo("detect: running");
        assertThat(lines.subList(1, lines.size()))
                .isNotEmpty()
                .allMatch(line -> line.matches("status( \\([a-z]+\\))?: records read activity=\\d+ process=\\d+, alerts"
                        + " R1=\\d+ R2=\\d+ R3=\\d+ R4=\\d+, dead letters \\d+, late records \\d+, watermark lag"
                        + " activity=(-|\\d+ (s|min|h|d)) process=(-|\\d+ (s|min|h|d))"));
        assertThat(lines).as("the figures follow the records").anyMatch(line -> line.startsWith(figures));
    }

    @Test
    void aMissingTopicIsOneLineBeforeTheJobStarts() throws Exception {
        KafkaBroker.Topics topics = KAFKA.createTopics(1);
        JobConfig config = JobConfig.fromArgs(
                JOBS.args(topics, directory, "--process-topic", "no-such-topic").toArray(String[]::new));
        KafkaSettings kafka = ((RunMode.Kafka) config.mode()).kafka();
        assertThatThrownBy(() -> KafkaReachability.inputPartitions(kafka, Duration.ofSeconds(20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("topic 'no-such-topic' does not exist at " + KAFKA.bootstrapServers());
        assertThat(KafkaReachability.inputPartitions(
                        ((RunMode.Kafka) JobConfig.fromArgs(
                                                JOBS.args(topics, directory).toArray(String[]::new))
                                        .mode())
                                .kafka(),
                        Duration.ofSeconds(20)))
                .containsExactly(Map.entry(topics.activity(), 1), Map.entry(topics.process(), 1));
    }

    /** The last line printed so far, from one look at the output (it grows while it is read). */
    private static String lastLine(ByteArrayOutputStream captured) {
        List<String> lines = lines(captured);
        return lines.get(lines.size() - 1);
    }

    private static List<String> lines(ByteArrayOutputStream captured) {
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        return lines.isEmpty() ? List.of("") : lines;
    }
}
