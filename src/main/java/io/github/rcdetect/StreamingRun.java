package io.github.rcdetect;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.io.LogSink;
import io.github.rcdetect.io.kafka.KafkaInputs;
import io.github.rcdetect.io.kafka.KafkaOutputs;
import io.github.rcdetect.output.OutputDocuments;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The streaming job: Kafka topics in, the same detection, transactional Kafka topics out. */
public final class StreamingRun {
    private StreamingRun() {}

    static void run(JobConfig config) throws Exception {
        StreamExecutionEnvironment env = environment(config, new Configuration());
        define(env, config);
        env.execute("Azure Run Command detection");
    }

    /** An environment with exactly-once checkpointing and the job's settings, on top of {@code base}. */
    public static StreamExecutionEnvironment environment(JobConfig config, Configuration base) {
        Configuration configuration = DetectionTopology.jobConfiguration();
        configuration.addAll(base);
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.kafka().checkpointInterval());
        configuration.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        // A cancelled job can still be restarted from its last checkpoint.
        configuration.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (config.kafka().checkpointDir() != null) {
            configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.kafka().checkpointDir());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        if (config.parallelism() != null) {
            env.setParallelism(config.parallelism());
        }
        return env;
    }

    /** Sources, detection and sinks of the streaming job. */
    public static void define(StreamExecutionEnvironment env, JobConfig config) {
        JobConfig.Kafka kafka = config.kafka();
        DataStream<InputRecord> activity =
                KafkaInputs.source(env, EventStream.ACTIVITY, kafka, config.parserLimits());
        DataStream<InputRecord> process = KafkaInputs.source(env, EventStream.PROCESS, kafka, config.parserLimits());

        DetectionTopology.Outputs outputs = DetectionTopology.build(activity, process, config.r1());

        outputs.alerts().sinkTo(KafkaOutputs.alerts(kafka)).name("alerts topic").uid("alerts-kafka-sink");
        documents(
                outputs.deadLetters().map(OutputDocuments::deadLetter).name("dead-letter documents").uid("dead-letter-documents"),
                kafka,
                kafka.deadLetterTopic(),
                "dead-letters");
        documents(
                outputs.lateRecords().map(OutputDocuments::lateRecord).name("late documents").uid("late-documents"),
                kafka,
                kafka.lateTopic(),
                "late");
    }

    /** To the topic when one is configured, else to the job's log: never dropped. */
    private static void documents(DataStream<String> documents, JobConfig.Kafka kafka, String topic, String purpose) {
        if (topic != null) {
            documents.sinkTo(KafkaOutputs.documents(kafka, topic, purpose)).name(purpose + " topic").uid(purpose + "-kafka-sink");
        } else {
            documents.sinkTo(new LogSink(purpose)).name(purpose + " log").uid(purpose + "-log-sink");
        }
    }
}
