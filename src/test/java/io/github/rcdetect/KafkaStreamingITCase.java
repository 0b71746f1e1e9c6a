package io.github.rcdetect;

import static io.github.rcdetect.testing.Records.line;
import static io.github.rcdetect.testing.Records.runCommand;
import static io.github.rcdetect.testing.Records.windowsChild;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rcdetect.testing.KafkaBroker;
import io.github.rcdetect.testing.StreamingJobs;
import io.github.rcdetect.testing.TestClusters;
import io.github.rcdetect.testing.Testdata;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The streaming job against a real Kafka broker: topics in, transactional topics out, read with {@code
 * read_committed}; including a crash with restore from a checkpoint and a stop with savepoint and resume.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class KafkaStreamingITCase {

    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(4);

    /** Lines before and after 11:00 on the morning of testdata/. */
    private static final Instant ELEVEN = Instant.parse("2026-03-10T11:00:00Z");

    private static final StreamingJobs JOBS = new StreamingJobs(KAFKA);

    @TempDir
    Path directory;

    private JobClient start(KafkaBroker.Topics topics, Configuration base, String... overrides) throws Exception {
        return JOBS.start(JOBS.args(topics, directory, overrides), base);
    }

    private JobClient start(KafkaBroker.Topics topics, String... overrides) throws Exception {
        return start(topics, new Configuration(), overrides);
    }

    private static List<JsonNode> awaitAlerts(KafkaBroker.Topics topics, int count) throws InterruptedException {
        return JOBS.awaitAlerts(topics, count);
    }

    private static void spread(String topic, int partitions, List<String> lines) {
        KAFKA.spread(topic, partitions, lines);
    }

    private static void tick(KafkaBroker.Topics topics, int partitions) throws Exception {
        JOBS.tickWhileRunning(topics, partitions);
    }

    @Test
    void testdataThroughKafkaGivesExactlyTheExpectedAlertsAndDeadLetters() throws Exception {
        KafkaBroker.Topics topics = KAFKA.createTopics(2);
        JobClient job = start(topics);
        try {
            spread(topics.activity(), 2, Testdata.inTimeOrder("activity"));
            spread(topics.process(), 2, Testdata.inTimeOrder("process"));
            tick(topics, 2);

            List<JsonNode> alerts = awaitAlerts(topics, Testdata.EXPECTED_ALERTS.size());
            assertThat(Testdata.described(alerts)).containsExactlyElementsOf(Testdata.EXPECTED_ALERTS);
            assertThat(alerts.stream().map(a -> a.at("/event/id").asText()).distinct())
                    .hasSize(alerts.size());
            JsonNode source = alerts.get(0).at("/azure_runcommand/source_events/0");
            assertThat(source.at("/topic").asText()).isIn(topics.activity(), topics.process());
            assertThat(source.has("partition") && source.has("offset")).isTrue();

            List<JsonNode> deadLetters = StreamingJobs.documents(
                    KAFKA.awaitCommitted(topics.deadLetters(), records -> records.size() >= 6, StreamingJobs.WAIT));
            assertThat(deadLetters.stream()
                            .map(d -> d.at("/error/type").asText())
                            .sorted())
                    .containsExactly(
                            "invalid_field",
                            "invalid_json",
                            "invalid_json",
                            "invalid_timestamp",
                            "missing_timestamp",
                            "missing_timestamp");
            assertThat(deadLetters).allSatisfy(d -> {
                assertThat(d.at("/origin/topic").asText()).isIn(topics.activity(), topics.process());
                assertThat(d.has("origin")).isTrue();
                assertThat(d.at("/origin/offset").isIntegralNumber()).isTrue();
            });
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void activityLogArrivingMinutesAfterTheEndpointEventsStillCorrelates() throws Exception {
        KafkaBroker.Topics topics = KAFKA.createTopics(1);
        JobClient job = start(
                topics, "--max-activity-delay", "10 min", "--process-idle-timeout", "1 min", "--parallelism", "1");
        try {
            arriveMinutesLate(topics);
            List<JsonNode> alerts = awaitAlerts(topics, 2);
            assertThat(Testdata.described(alerts))
                    .containsExactly(
                            "R1 2026-03-10T10:00:00.000Z vm-late a", "R2 2026-03-10T10:00:10.000Z vm-late a.exe");
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void aRunCommandDelayedBeyondTheMaxActivityDelayGoesToTheLateTopic() throws Exception {
        KafkaBroker.Topics topics = KAFKA.createTopics(1);
        JobClient job =
                start(topics, "--max-activity-delay", "1 min", "--process-idle-timeout", "1 min", "--parallelism", "1");
        try {
            arriveMinutesLate(topics);
            List<JsonNode> late = StreamingJobs.documents(
                    KAFKA.awaitCommitted(topics.late(), records -> !records.isEmpty(), StreamingJobs.WAIT));
            assertThat(late).singleElement().satisfies(record -> {
                assertThat(record.at("/origin/stream").asText()).isEqualTo("activity");
                assertThat(record.at("/azure/correlation_id").asText()).isEqualTo("c-late");
                assertThat(record.at("/origin/topic").asText()).isEqualTo(topics.activity());
            });
            assertThat(Testdata.described(awaitAlerts(topics, 1)))
                    .containsExactly("R2 2026-03-10T10:00:10.000Z vm-late a.exe");
        } finally {
            job.cancel().get();
        }
    }

    /**
     * The endpoint stream runs five minutes ahead while the Activity Log is silent (and so idle; the endpoint stream
     * is not, given a longer idle timeout); then the Run Command of five minutes ago arrives.
     */
    private static void arriveMinutesLate(KafkaBroker.Topics topics) throws Exception {
        KAFKA.produce(
                topics.process(),
                0,
                List.of(
                        line(windowsChild("2026-03-10T10:00:10Z", "vm-late", "a.exe", "a")),
                        Testdata.PROCESS_TICK.replace("2026-03-10T15:00:00Z", "2026-03-10T10:05:00Z")));
        KAFKA.awaitCommitted(topics.alerts(), records -> !records.isEmpty(), StreamingJobs.WAIT);
        Thread.sleep(4_000);
        KAFKA.produce(
                topics.activity(), 0, List.of(line(runCommand("2026-03-10T10:00:00Z", "VM-LATE", "c-late", "Start"))));
        Thread.sleep(2_000);
        tick(topics, 1);
    }

    @Test
    void idlePartitionsAndAnIdleTopicStallNeitherRule() throws Exception {
        KafkaBroker.Topics topics = KAFKA.createTopics(3);
        JobClient job = start(topics);
        try {
            // No activity at all yet, and records on one partition of three: R2 alerts all the same.
            KAFKA.produce(
                    topics.process(), 0, List.of(line(windowsChild("2026-03-10T10:00:10Z", "vm-idle", "a.exe", "a"))));
            assertThat(Testdata.described(awaitAlerts(topics, 1)))
                    .containsExactly("R2 2026-03-10T10:00:10.000Z vm-idle a.exe");

            // A Run Command on one partition of three, then time moves on there only: R1 alerts. (The endpoint stream
            // moves on by less than the allowed Activity Log delay, so the Run Command is on time whichever topic the
            // job reads first.)
            KAFKA.produce(
                    topics.activity(),
                    0,
                    List.of(line(runCommand("2026-03-10T10:00:00Z", "VM-IDLE", "c-idle", "Start"))));
            KAFKA.produce(topics.activity(), 0, List.of(Testdata.ACTIVITY_TICK));
            KAFKA.produce(topics.process(), 0, List.of(Testdata.PROCESS_TICK.replace("15:00:00", "10:10:00")));
            assertThat(Testdata.described(awaitAlerts(topics, 2)))
                    .containsExactly(
                            "R1 2026-03-10T10:00:00.000Z vm-idle a", "R2 2026-03-10T10:00:10.000Z vm-idle a.exe");
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void malformedMessagesReachTheDeadLetterTopicWithTheirCoordinatesAndTheJobGoesOn() throws Exception {
        KafkaBroker.Topics topics = KAFKA.createTopics(1);
        JobClient job = start(topics);
        try {
            KAFKA.produce(topics.process(), 0, List.of("not json", "{\"@timestamp\":\"yesterday\"}"));
            KAFKA.produce(topics.activity(), 0, List.of("{\"records\":[{\"time\":\"2026-03-10T10:00:00Z\"},7]}"));
            KAFKA.produce(
                    topics.process(), 0, List.of(line(windowsChild("2026-03-10T10:00:10Z", "vm1", "a.exe", "a"))));

            List<JsonNode> deadLetters = StreamingJobs.documents(
                    KAFKA.awaitCommitted(topics.deadLetters(), records -> records.size() >= 3, StreamingJobs.WAIT));
            Map<String, JsonNode> byType = deadLetters.stream()
                    .collect(Collectors.toMap(d -> d.at("/error/type").asText(), Function.identity()));
            assertThat(byType.keySet()).containsExactlyInAnyOrder("invalid_json", "invalid_timestamp", "not_an_object");
            assertThat(byType.get("invalid_json").at("/origin").toString())
                    .isEqualTo("{\"stream\":\"process\",\"topic\":\"" + topics.process()
                            + "\",\"partition\":0,\"offset\":0}");
            assertThat(byType.get("invalid_json").at("/original").asText()).isEqualTo("not json");
            assertThat(byType.get("invalid_timestamp").at("/origin/offset").asLong())
                    .isEqualTo(1);
            assertThat(byType.get("not_an_object").at("/origin").toString())
                    .isEqualTo("{\"stream\":\"activity\",\"topic\":\"" + topics.activity()
                            + "\",\"partition\":0,\"offset\":0,\"record_index\":1}");
            assertThat(Testdata.described(awaitAlerts(topics, 1)))
                    .containsExactly("R2 2026-03-10T10:00:10.000Z vm1 a.exe");
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void afterACrashAndRestoreFromACheckpointEveryAlertAppearsExactlyOnce(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        KafkaBroker.Topics topics = KAFKA.createTopics(2);
        JobClient job = start(topics);
        try {
            List<List<String>> activity = Testdata.cutAt(Testdata.inTimeOrder("activity"), ELEVEN);
            List<List<String>> process = Testdata.cutAt(Testdata.inTimeOrder("process"), ELEVEN);
            spread(topics.activity(), 2, activity.get(0));
            spread(topics.process(), 2, process.get(0));
            KAFKA.awaitCommitted(topics.alerts(), records -> records.size() >= 5, StreamingJobs.WAIT);
            StreamingJobs.awaitCheckpoints(cluster, job.getJobID(), 1);

            cluster.terminateTaskManager(0).get();
            cluster.startTaskManager();

            spread(topics.activity(), 2, activity.get(1));
            spread(topics.process(), 2, process.get(1));
            tick(topics, 2);
            Testdata.assertExactlyTheExpectedAlertsOnce(awaitAlerts(topics, Testdata.EXPECTED_ALERTS.size()));
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void afterStopWithSavepointAndResumeEveryAlertAppearsExactlyOnce() throws Exception {
        KafkaBroker.Topics topics = KAFKA.createTopics(2);
        List<List<String>> activity = Testdata.cutAt(Testdata.inTimeOrder("activity"), ELEVEN);
        List<List<String>> process = Testdata.cutAt(Testdata.inTimeOrder("process"), ELEVEN);
        JobClient first = start(topics);
        String savepoint;
        try {
            spread(topics.activity(), 2, activity.get(0));
            spread(topics.process(), 2, process.get(0));
            KAFKA.awaitCommitted(topics.alerts(), records -> records.size() >= 5, StreamingJobs.WAIT);
        } finally {
            savepoint = first.stopWithSavepoint(
                            false, directory.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                    .get();
        }
        spread(topics.activity(), 2, activity.get(1));
        spread(topics.process(), 2, process.get(1));
        JOBS.tick(topics, 2);

        Configuration resume = new Configuration();
        resume.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        JobClient second = start(topics, resume);
        try {
            Testdata.assertExactlyTheExpectedAlertsOnce(awaitAlerts(topics, Testdata.EXPECTED_ALERTS.size()));
        } finally {
            second.cancel().get();
        }
    }
}
