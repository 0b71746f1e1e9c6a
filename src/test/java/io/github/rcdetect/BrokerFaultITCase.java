package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rcdetect.config.JobConfig;
import io.github.rcdetect.testing.KafkaBroker;
import io.github.rcdetect.testing.StreamingJobs;
import io.github.rcdetect.testing.TestClusters;
import io.github.rcdetect.testing.Testdata;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsCounts;
import org.apache.flink.runtime.checkpoint.FailedCheckpointStats;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.executiongraph.ErrorInfo;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The streaming job while its Kafka broker goes down and comes back: stopped (port closed, every connection dropped)
 * for several checkpoint intervals, started again on the same port with the same data, twice in one run.
 *
 * <p>The first outage is shorter than the Kafka clients' blocking timeout ({@code max.block.ms}), so the job can wait
 * it out. The second lasts until the sinks' calls have timed out and the job has restarted, as any outage longer
 * than a minute (the default {@code max.block.ms}) does in production; the timeout is shortened here so that this
 * happens within the test's time. (Not every outage makes a sink call: when none fails, the test replaces the task
 * manager instead, and the restore is the same.) It begins just after the job wrote alerts into a transaction no
 * checkpoint has committed yet, so the restore replays them: a sink without transactions would show them twice.
 *
 * <p>Every alert must reach a {@code read_committed} consumer exactly once, and the job must come back by itself
 * with the restart strategy production runs with (the test sets none of its own).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class BrokerFaultITCase {

    @RegisterExtension
    @Order(1)
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(4);

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    /**
     * How long a producer call that needs the broker (a transaction's start at a checkpoint, its commit after one)
     * blocks before it fails: 60 s by default.
     */
    private static final Duration CLIENT_BLOCK = Duration.ofSeconds(15);
    /** Several checkpoint intervals; with the broker's start-up still well within {@link #CLIENT_BLOCK}. */
    private static final Duration SHORT_OUTAGE = Duration.ofSeconds(5);
    /**
     * When the task manager is replaced if the job has not restarted by itself: after two of {@link #CLIENT_BLOCK}
     * (a checkpoint's commit, then the next transaction's start) and a few seconds.
     */
    private static final Duration FORCED_RESTART_AFTER =
            CLIENT_BLOCK.multipliedBy(2).plusSeconds(5);

    /** How long the broker stays down after the job restarted, so that the restarted job finds it missing too. */
    private static final Duration DOWN_AFTER_RESTART = Duration.ofSeconds(3);

    private static final int PARTITIONS = 2;
    /** Cuts the morning of testdata/ into three parts, each holding alerts. */
    private static final Instant ELEVEN = Instant.parse("2026-03-10T11:00:00Z");

    private static final Instant ONE_PM = Instant.parse("2026-03-10T13:00:00Z");

    /**
     * A process event no rule uses, older than all of testdata/: it moves no watermark (an unused record is never
     * late), so it can nudge the process source's offset commit while the test waits for the job to have read the
     * last part.
     */
    private static final String PROCESS_NUDGE = "{\"@timestamp\":\"2026-03-10T00:00:00Z\",\"host\":{\"name\":\"tick\"},"
            + "\"event\":{\"action\":\"start\",\"type\":[\"start\"]},\"process\":{\"name\":\"svchost.exe\"}}";

    @TempDir
    Path directory;

    /**
     * What one outage did: how long the port was closed, how long the restarted broker took to answer, and, from the
     * stop until the job's first completed checkpoint after it: how long that took, how many checkpoints failed and
     * how often the job restarted.
     */
    private record Outage(
            Duration down,
            Duration startUp,
            Duration untilCheckpointCompleted,
            long checkpointsFailed,
            int restarts,
            boolean taskManagerReplaced) {
        @Override
        public String toString() {
            return String.format(
                    "down %.1f s + start-up %.1f s, next checkpoint %.1f s after the stop, %d checkpoints failed,"
                            + " %d restarts%s",
                    down.toMillis() / 1e3,
                    startUp.toMillis() / 1e3,
                    untilCheckpointCompleted.toMillis() / 1e3,
                    checkpointsFailed,
                    restarts,
                    taskManagerReplaced ? " (the task manager replaced, no sink call having failed)" : "");
        }
    }

    @Test
    void everyAlertAppearsExactlyOnceThoughTheBrokerGoesDownTwice(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        long started = System.nanoTime();
        KafkaBroker.Topics topics = KAFKA.createTopics(PARTITIONS);
        List<List<String>> activity = Testdata.cutAt(Testdata.inTimeOrder("activity"), ELEVEN, ONE_PM);
        List<List<String>> process = Testdata.cutAt(Testdata.inTimeOrder("process"), ELEVEN, ONE_PM);
        JobClient job = start(topics);
        JobWatch watch = new JobWatch(cluster, job.getJobID());
        List<Outage> outages = new ArrayList<>();
        try {
            // Down once the first alerts are committed; others of the same part are still on their way.
            spread(topics.activity(), activity.get(0));
            spread(topics.process(), process.get(0));
            KAFKA.awaitCommitted(topics.alerts(), records -> records.size() >= 5, WAIT);
            outages.add(outage(cluster, job.getJobID(), watch, false));

            // Down as soon as the job has written alerts of the next part, before a checkpoint commits them.
            long written = KAFKA.ends(topics.alerts()).highWatermark();
            spread(topics.activity(), activity.get(1));
            spread(topics.process(), process.get(1));
            KafkaBroker.Ends atStop = KAFKA.awaitWritten(topics.alerts(), written, WAIT);
            assertThat(atStop.highWatermark())
                    .as("alerts of the second part written")
                    .isGreaterThan(written);
            outages.add(outage(cluster, job.getJobID(), watch, true));

            spread(topics.activity(), activity.get(2));
            spread(topics.process(), process.get(2));
            // The job reads the last part's process events before any tick: with the process input idle (2 s here)
            // after the restart, the activity tick alone would close the last window before its script child
            // arrived, which then goes to the late output (docs/choices.md) and its R1 alert never comes.
            KAFKA.awaitConsumed(group(topics), topics.process(), PROCESS_NUDGE, WAIT);
            // Time an hour after testdata/, so that every window of it closes.
            new StreamingJobs(KAFKA).tickWhileRunning(topics, PARTITIONS, group(topics));
            KAFKA.awaitCommitted(topics.alerts(), records -> records.size() >= Testdata.EXPECTED_ALERTS.size(), WAIT);
            // A few more checkpoints, so that a duplicate committed late would show too.
            long completed = counts(cluster, job.getJobID()).getNumberOfCompletedCheckpoints();
            awaitCheckpoints(cluster, job.getJobID(), completed + 3);
            List<JsonNode> alerts = StreamingJobs.documents(KAFKA.readCommitted(topics.alerts()));

            CheckpointStatsCounts counts = counts(cluster, job.getJobID());
            System.out.printf(
                    "broker faults: outage 1: %s; outage 2 (open transaction at the stop: %s): %s; checkpoints"
                            + " completed %d, failed %d %s; job restarts %d (latest task attempt #%d), failures %s,"
                            + " status %s; alerts expected %d, committed %d, distinct event.id %d; %.1f s%n",
                    outages.get(0),
                    atStop.openTransaction(),
                    outages.get(1),
                    counts.getNumberOfCompletedCheckpoints(),
                    counts.getNumberOfFailedCheckpoints(),
                    watch.failedCheckpoints(),
                    watch.restarts(),
                    watch.latestAttempt(),
                    watch.failures(),
                    watch.status(),
                    Testdata.EXPECTED_ALERTS.size(),
                    alerts.size(),
                    alerts.stream()
                            .map(alert -> alert.at("/event/id").asText())
                            .distinct()
                            .count(),
                    (System.nanoTime() - started) / 1e9);

            Testdata.assertExactlyTheExpectedAlertsOnce(alerts);
            assertThat(watch.latestAttempt())
                    .as("tasks redeployed")
                    .isGreaterThanOrEqualTo(outages.get(1).restarts());
            assertThat(watch.status()).as("the job recovered by itself").isEqualTo(JobStatus.RUNNING);
        } finally {
            watch.close();
            if (!KAFKA.brokerRunning()) {
                KAFKA.startBroker(WAIT);
            }
            if (!job.getJobStatus().get().isGloballyTerminalState()) {
                job.cancel().get();
            }
        }
    }

    /**
     * Stops the broker for {@link #SHORT_OUTAGE}, or until the job has restarted and {@link #DOWN_AFTER_RESTART}
     * more; starts it again and waits for the job's first completed checkpoint after that.
     */
    private static Outage outage(MiniCluster cluster, JobID job, JobWatch watch, boolean untilRestarted)
            throws Exception {
        CheckpointStatsCounts before = counts(cluster, job);
        int restartsBefore = watch.restarts();
        long stopped = System.nanoTime();
        boolean replaced = false;
        KAFKA.stopBroker();
        if (untilRestarted) {
            // Mostly a sink needs the broker at the next checkpoint (a new transactional producer registers): that
            // call fails after CLIENT_BLOCK, and the job restarts a second later; a checkpoint still committing when
            // the broker went away blocks as long again first. But a sink that can begin its next transaction on a
            // producer of its pool needs no broker, and its committer retries the open transaction's commit without
            // failing: then the task manager is replaced, so that the restore with that transaction open, the path
            // this outage is for, happens either way.
            long replaceAt = System.nanoTime() + FORCED_RESTART_AFTER.toNanos();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (watch.restarts() == restartsBefore && !watch.gaveUp() && System.nanoTime() < deadline) {
                if (!replaced && System.nanoTime() > replaceAt) {
                    cluster.terminateTaskManager(0).get();
                    cluster.startTaskManager();
                    replaced = true;
                }
                Thread.sleep(100);
            }
            if (!watch.gaveUp()) {
                Thread.sleep(DOWN_AFTER_RESTART.toMillis());
            }
        } else {
            Thread.sleep(SHORT_OUTAGE.toMillis());
        }
        long starting = System.nanoTime();
        KAFKA.startBroker(WAIT);
        long reachable = System.nanoTime();
        assertThat(watch.gaveUp())
                .as("the job gave up during the outage: %s", watch.failures())
                .isFalse();
        assertThat(!untilRestarted || watch.restarts() > restartsBefore)
                .as("the job restarted while the broker was down (sinks without transactions would not need it)")
                .isTrue();
        awaitCheckpoints(cluster, job, counts(cluster, job).getNumberOfCompletedCheckpoints() + 1);
        long checkpointed = System.nanoTime();
        CheckpointStatsCounts after = counts(cluster, job);
        return new Outage(
                Duration.ofNanos(starting - stopped),
                Duration.ofNanos(reachable - starting),
                Duration.ofNanos(checkpointed - stopped),
                after.getNumberOfFailedCheckpoints() - before.getNumberOfFailedCheckpoints(),
                watch.restarts() - restartsBefore,
                replaced);
    }

    private static String group(KafkaBroker.Topics topics) {
        return "faults-" + topics.alerts();
    }

    /** The streaming job as bin/detect starts it, on the test cluster, with production's restart strategy. */
    private JobClient start(KafkaBroker.Topics topics) throws Exception {
        Path clientProperties = directory.resolve("kafka.properties");
        Files.writeString(clientProperties, "max.block.ms=" + CLIENT_BLOCK.toMillis() + "\n");
        JobConfig config = JobConfig.fromArgs(new String[] {
            "--bootstrap-servers", KAFKA.bootstrapServers(),
            "--activity-topic", topics.activity(),
            "--process-topic", topics.process(),
            "--alerts-topic", topics.alerts(),
            "--dead-letter-topic", topics.deadLetters(),
            "--late-topic", topics.late(),
            "--group-id", group(topics),
            "--kafka-properties", clientProperties.toString(),
            "--starting-offsets", "earliest",
            "--checkpoint-interval", CHECKPOINT_INTERVAL.toMillis() + " ms",
            "--checkpoint-dir", directory.resolve("checkpoints").toUri().toString(),
            "--activity-out-of-orderness", "5 s",
            "--process-out-of-orderness", "5 s",
            "--activity-idle-timeout", "2 s",
            "--process-idle-timeout", "2 s",
            "--parallelism", String.valueOf(PARTITIONS)
        });
        StreamExecutionEnvironment env = StreamingRun.environment(config, new Configuration());
        StreamingRun.define(env, config);
        return env.executeAsync("broker fault test");
    }

    /** Lines round-robin over the partitions, each partition in the lines' order. */
    private static void spread(String topic, List<String> lines) {
        for (int partition = 0; partition < PARTITIONS; partition++) {
            List<String> part = new ArrayList<>();
            for (int i = partition; i < lines.size(); i += PARTITIONS) {
                part.add(lines.get(i));
            }
            KAFKA.produce(topic, partition, part);
        }
    }

    private static CheckpointStatsCounts counts(MiniCluster cluster, JobID job) throws Exception {
        return cluster.getExecutionGraph(job).get().getCheckpointStatsSnapshot().getCounts();
    }

    private static void awaitCheckpoints(MiniCluster cluster, JobID job, long completed) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (counts(cluster, job).getNumberOfCompletedCheckpoints() < completed && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(counts(cluster, job).getNumberOfCompletedCheckpoints()).isGreaterThanOrEqualTo(completed);
    }

    /**
     * Follows the job every 100 ms: how often it went into RESTARTING (each stays there for the restart delay, a
     * second at least), why it failed, which checkpoints failed and why (the history keeps only the latest few).
     * The attempt numbers of its tasks count the restarts from the other side: each restart deploys new attempts.
     */
    private static final class JobWatch implements AutoCloseable {
        private final MiniCluster cluster;
        private final JobID job;
        private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        private final AtomicReference<JobStatus> status = new AtomicReference<>();
        private final AtomicInteger restarts = new AtomicInteger();
        private final AtomicInteger latestAttempt = new AtomicInteger();
        private final Set<String> failures = new ConcurrentSkipListSet<>();
        private final Map<Long, String> failedCheckpoints = new ConcurrentSkipListMap<>();

        JobWatch(MiniCluster cluster, JobID job) {
            this.cluster = cluster;
            this.job = job;
            poller.scheduleWithFixedDelay(this::poll, 0, 100, TimeUnit.MILLISECONDS);
        }

        private synchronized void poll() {
            try {
                AccessExecutionGraph graph = cluster.getExecutionGraph(job).get();
                JobStatus now = graph.getState();
                JobStatus previous = status.getAndSet(now);
                if (now == JobStatus.RESTARTING && previous != JobStatus.RESTARTING) {
                    restarts.incrementAndGet();
                }
                ErrorInfo failure = graph.getFailureInfo();
                if (failure != null) {
                    failures.add(
                            failure.getExceptionAsString().lines().findFirst().orElse(""));
                }
                List<AbstractCheckpointStats> history =
                        graph.getCheckpointStatsSnapshot().getHistory().getCheckpoints();
                for (AbstractCheckpointStats checkpoint : history) {
                    if (checkpoint instanceof FailedCheckpointStats failed) {
                        failedCheckpoints.putIfAbsent(
                                failed.getCheckpointId(), String.valueOf(failed.getFailureMessage()));
                    }
                }
                for (AccessExecutionVertex vertex : graph.getAllExecutionVertices()) {
                    latestAttempt.accumulateAndGet(
                            vertex.getCurrentExecutionAttempt().getAttemptNumber(), Math::max);
                }
            } catch (Exception e) {
                failures.add("status unavailable: " + e);
            }
        }

        int restarts() {
            return restarts.get();
        }

        int latestAttempt() {
            return latestAttempt.get();
        }

        Set<String> failures() {
            return failures;
        }

        Map<Long, String> failedCheckpoints() {
            return failedCheckpoints;
        }

        JobStatus status() {
            poll();
            return status.get();
        }

        /** The job ended (FAILED, say) instead of restarting. */
        boolean gaveUp() {
            JobStatus now = status();
            return now != null && now.isGloballyTerminalState();
        }

        @Override
        public void close() {
            poller.shutdownNow();
        }
    }
}
