package io.github.rcdetect;

import io.github.rcdetect.config.JobConfig;
import io.github.rcdetect.config.RunMode;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.io.kafka.KafkaInputs;
import io.github.rcdetect.io.kafka.KafkaReachability;
import io.github.rcdetect.io.kafka.KafkaSettings;
import io.github.rcdetect.io.kafka.KafkaSinks;
import io.github.rcdetect.pipeline.DetectionPipeline;
import io.github.rcdetect.pipeline.SideTopics;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;

/** The streaming job: Kafka topics in, the same detection, transactional Kafka topics out. */
public final class StreamingRun {
    /** The first restart after a failure comes quickly: most failures are a blip of the broker or the network. */
    static final Duration FIRST_RESTART_DELAY = Duration.ofSeconds(1);
    /** Restarts during a long outage are this far apart at most, so the job is back within a minute of the broker. */
    static final Duration LONGEST_RESTART_DELAY = Duration.ofMinutes(1);

    private static final String JOB_NAME = "Azure Run Command detection";

    private StreamingRun() {}

    /**
     * Runs the stream. Locally (bin/detect) it first checks, with a bounded wait, that the cluster answers and the
     * topics exist, then says when the job runs and prints a status line at intervals; submitted to a cluster, it
     * leaves that to the cluster's web UI and metrics, and behaves as any Flink job's {@code main} does.
     */
    static void run(JobConfig config) throws Exception {
        RunMode.Kafka mode = kafkaMode(config);
        StreamExecutionEnvironment env = environment(config, new Configuration());
        define(env, config);
        if (!(env instanceof LocalStreamEnvironment)) {
            env.execute(JOB_NAME);
            return;
        }
        KafkaSettings kafka = mode.kafka();
        String running = StreamStatus.running(
                kafka.bootstrapServers(),
                KafkaReachability.inputPartitions(kafka, mode.kafkaWait()),
                kafka.alertsTopic());
        new StreamStatus(config.quiet(), mode.statusInterval(), System.err).follow(env.executeAsync(JOB_NAME), running);
    }

    /** An environment with exactly-once checkpointing and the job's settings, on top of {@code base}. */
    public static StreamExecutionEnvironment environment(JobConfig config, Configuration base) {
        RunMode.Kafka kafka = kafkaMode(config);
        Configuration configuration = DetectionPipeline.jobConfiguration();
        configuration.addAll(base);
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, kafka.checkpointInterval());
        configuration.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        // A cancelled job can still be restarted from its last checkpoint.
        configuration.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (kafka.checkpointDir() != null) {
            configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, kafka.checkpointDir());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        if (env.getConfiguration()
                .getOptional(RestartStrategyOptions.RESTART_STRATEGY)
                .isEmpty()) {
            env.configure(restartStrategy());
        }
        if (config.parallelism() != null) {
            env.setParallelism(config.parallelism());
        }
        return env;
    }

    /**
     * Restart after every failure, without limit, with a delay growing from {@link #FIRST_RESTART_DELAY} to {@link
     * #LONGEST_RESTART_DELAY}. A Kafka outage longer than the clients' timeouts ({@code max.block.ms}, 60 s) fails
     * the sinks' tasks again and again until the broker is back, and the job must still be there then: the alerts of
     * its last checkpoint wait in open transactions for it to commit them. Flink's default without a configured
     * strategy is the same today; set here so that the job does not hinge on a default (it changed in Flink 1.19).
     * A restart strategy in the configuration the job is submitted with still wins.
     */
    static Configuration restartStrategy() {
        Configuration restart = new Configuration();
        restart.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, FIRST_RESTART_DELAY);
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, LONGEST_RESTART_DELAY);
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        return restart;
    }

    /** Sources, detection and sinks of the streaming job. */
    public static void define(StreamExecutionEnvironment env, JobConfig config) {
        KafkaSettings kafka = kafkaMode(config).kafka();
        DataStream<InputRecord> activity = KafkaInputs.source(env, EventStream.ACTIVITY, kafka, config.parserLimits());
        DataStream<InputRecord> process = KafkaInputs.source(env, EventStream.PROCESS, kafka, config.parserLimits());
        DetectionPipeline.build(
                activity,
                process,
                config.hostInventory(),
                new SideTopics(
                        KafkaInputs.inventory(env, kafka, config.parserLimits()),
                        KafkaInputs.tuning(env, kafka, config.parserLimits())),
                config.correlation(),
                config.alertTuning(false),
                config.parserLimits(),
                new KafkaSinks(kafka));
    }

    private static RunMode.Kafka kafkaMode(JobConfig config) {
        if (config.mode() instanceof RunMode.Kafka kafka) {
            return kafka;
        }
        throw new IllegalArgumentException("not a streaming configuration: " + config.mode());
    }
}
