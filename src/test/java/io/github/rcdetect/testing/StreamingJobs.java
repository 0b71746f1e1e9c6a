package io.github.rcdetect.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rcdetect.StreamingRun;
import io.github.rcdetect.config.JobConfig;
import io.github.rcdetect.output.Json;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The streaming job on the test MiniCluster against the in-JVM broker, started as bin/detect would start it, with
 * the short checkpoint interval, out-of-orderness and idle timeouts that let a test finish in seconds.
 */
public final class StreamingJobs {
    public static final Duration WAIT = Duration.ofSeconds(90);

    private final KafkaBroker kafka;

    public StreamingJobs(KafkaBroker kafka) {
        this.kafka = kafka;
    }

    /** The consumer group of a test job started with {@link #args}. */
    public static String groupId(KafkaBroker.Topics topics) {
        return "it-" + topics.alerts();
    }

    /** The options of a test job over these topics; {@code overrides} are option-value pairs replacing them. */
    public List<String> args(KafkaBroker.Topics topics, Path directory, String... overrides) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--bootstrap-servers", kafka.bootstrapServers());
        options.put("--activity-topic", topics.activity());
        options.put("--process-topic", topics.process());
        options.put("--alerts-topic", topics.alerts());
        options.put("--dead-letter-topic", topics.deadLetters());
        options.put("--late-topic", topics.late());
        options.put("--group-id", groupId(topics));
        options.put("--starting-offsets", "earliest");
        options.put("--checkpoint-interval", "1 s");
        options.put("--checkpoint-dir", directory.resolve("checkpoints").toUri().toString());
        options.put("--activity-out-of-orderness", "5 s");
        options.put("--process-out-of-orderness", "5 s");
        options.put("--activity-idle-timeout", "2 s");
        options.put("--process-idle-timeout", "2 s");
        options.put("--parallelism", "2");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                options.remove(overrides[i]);
            } else {
                options.put(overrides[i], overrides[i + 1]);
            }
        }
        List<String> args = new ArrayList<>();
        options.forEach((option, value) -> args.addAll(List.of(option, value)));
        return args;
    }

    /** Starts the job with these options on top of {@code base}, restarting quickly and at most ten times. */
    public JobClient start(List<String> args, Configuration base) throws Exception {
        base.setString(RestartStrategyOptions.RESTART_STRATEGY.key(), "fixed-delay");
        base.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
        base.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        return startAsInProduction(args, base);
    }

    /** Starts the job with these options and the restart strategy production runs with. */
    public JobClient startAsInProduction(List<String> args, Configuration base) throws Exception {
        JobConfig config = JobConfig.fromArgs(args.toArray(String[]::new));
        StreamExecutionEnvironment env = StreamingRun.environment(config, base);
        StreamingRun.define(env, config);
        return env.executeAsync("streaming test");
    }

    /**
     * The ticks of testdata/ on every partition of both input topics, for a job that starts after them: every
     * watermark passes the data. Reading both topics from the start, neither input is idle, and each holds the other's
     * time back.
     */
    public void tick(KafkaBroker.Topics topics, int partitions) {
        tickActivity(topics, partitions);
        tickProcess(topics, partitions);
    }

    /**
     * The ticks of testdata/ for a running job whose sources commit as {@code group}: the activity ticks, and the
     * process ticks only once the job has read the whole activity topic. Sent together, the process tick could pass
     * while the activity input is idle and its last records are still on their way; the correlation's watermark would
     * then move to the tick less the longest activity delay, past those records, and they would arrive late (docs/
     * choices.md, "Dead letters and late records") — a race of the test, not of a fleet, where the endpoint stream
     * does not leap an hour ahead.
     */
    public void tickWhileRunning(KafkaBroker.Topics topics, int partitions, String group) throws Exception {
        tickActivity(topics, partitions);
        kafka.awaitConsumed(group, topics.activity(), Testdata.ACTIVITY_TICK, WAIT);
        tickProcess(topics, partitions);
    }

    /** {@link #tickWhileRunning} for a job started with {@link #args}. */
    public void tickWhileRunning(KafkaBroker.Topics topics, int partitions) throws Exception {
        tickWhileRunning(topics, partitions, groupId(topics));
    }

    private void tickActivity(KafkaBroker.Topics topics, int partitions) {
        for (int partition = 0; partition < partitions; partition++) {
            kafka.produce(topics.activity(), partition, List.of(Testdata.ACTIVITY_TICK));
        }
    }

    private void tickProcess(KafkaBroker.Topics topics, int partitions) {
        for (int partition = 0; partition < partitions; partition++) {
            kafka.produce(topics.process(), partition, List.of(Testdata.PROCESS_TICK));
        }
    }

    /** The committed alerts once there are {@code count}, read again a few checkpoints later so duplicates show. */
    public List<JsonNode> awaitAlerts(KafkaBroker.Topics topics, int count) throws InterruptedException {
        kafka.awaitCommitted(topics.alerts(), records -> records.size() >= count, WAIT);
        Thread.sleep(3_000);
        return documents(kafka.readCommitted(topics.alerts()));
    }

    /**
     * A Run Command on a VM (one partition), a script child on its guest 10 s later, and a tick 10 min on that moves
     * both watermarks past the correlation window: invocation {@code n} at {@code time}, for a job started with {@link
     * #args}. The guest's records go first, as they do in a fleet (Azure delivers the Activity Log minutes later), and
     * the Run Command only once the job has read them: a process input that went idle while the test waited would
     * otherwise let the activity tick alone close the window before the script child arrives (docs/choices.md, "Dead
     * letters and late records"). Producing the process records first is not enough: the two topics have a consumer
     * each, and either may fetch first.
     */
    public void invocationAt(KafkaBroker.Topics topics, String vmId, String guest, String time, int n)
            throws Exception {
        Instant at = Instant.parse(time);
        String processTick = "{\"@timestamp\":\"" + at.plusSeconds(600) + "\",\"host\":{\"name\":\"tick\"},"
                + "\"event\":{\"action\":\"start\",\"type\":[\"start\"]},\"process\":{\"name\":\"svchost.exe\"}}";
        kafka.produce(
                topics.process(),
                0,
                List.of(
                        "{\"@timestamp\":\"" + at.plusSeconds(10) + "\",\"event\":{\"action\":\"start\",\"type\":"
                                + "[\"start\"],\"category\":[\"process\"],\"id\":\"p-" + n + "\"},\"host\":{\"name\":"
                                + "\"" + guest + "\"},\"process\":{\"name\":\"whoami.exe\",\"pid\":" + n
                                + ",\"command_line\":"
                                + "\"whoami /priv\",\"parent\":{\"name\":\"powershell.exe\",\"command_line\":"
                                + "\"powershell -ExecutionPolicy Unrestricted -File script0.ps1\"}}}",
                        processTick));
        kafka.awaitConsumed(groupId(topics), topics.process(), processTick, WAIT);
        kafka.produce(
                topics.activity(),
                0,
                List.of(
                        "{\"@timestamp\":\"" + at + "\",\"event\":{\"action\":"
                                + "\"MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION\",\"outcome\":\"success\"},"
                                + "\"azure\":{\"correlation_id\":\"c-" + n + "\",\"resource\":{\"id\":\"" + vmId
                                + "\"}}}",
                        "{\"time\":\"" + at.plusSeconds(600) + "\",\"operationName\":"
                                + "\"MICROSOFT.COMPUTE/VIRTUALMACHINES/READ\",\"resourceId\":\"/x/virtualMachines/tick\"}"));
    }

    /** Waits until {@code more} checkpoints of the job complete beyond those completed now. */
    public static void awaitCheckpoints(MiniCluster cluster, JobID job, long more) throws Exception {
        long start = completedCheckpoints(cluster, job);
        long deadline = System.nanoTime() + StreamingJobs.WAIT.toNanos();
        while (completedCheckpoints(cluster, job) < start + more && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(completedCheckpoints(cluster, job)).isGreaterThanOrEqualTo(start + more);
    }

    private static long completedCheckpoints(MiniCluster cluster, JobID job) throws Exception {
        return cluster.getExecutionGraph(job)
                .get()
                .getCheckpointStatsSnapshot()
                .getCounts()
                .getNumberOfCompletedCheckpoints();
    }

    /** Starts the job again from the newest checkpoint {@code cancelled} retained in {@code directory}. */
    public JobClient restoreLatestCheckpoint(List<String> args, Path directory, JobClient cancelled) throws Exception {
        Configuration restore = new Configuration();
        restore.set(
                StateRecoveryOptions.SAVEPOINT_PATH,
                latestCheckpoint(directory, cancelled).toUri().toString());
        return start(args, restore);
    }

    /** The newest checkpoint a cancelled job (started with {@link #args}' checkpoint folder) retained. */
    public static Path latestCheckpoint(Path directory, JobClient job) throws IOException {
        Path jobDirectory =
                directory.resolve("checkpoints").resolve(job.getJobID().toString());
        try (Stream<Path> checkpoints = Files.list(jobDirectory)) {
            return checkpoints
                    .filter(path -> path.getFileName().toString().startsWith("chk-"))
                    .filter(path -> Files.exists(path.resolve("_metadata")))
                    .max(Comparator.comparingLong(
                            path -> Long.parseLong(path.getFileName().toString().substring(4))))
                    .orElseThrow();
        }
    }

    public static List<JsonNode> documents(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> parse(record.value())).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
