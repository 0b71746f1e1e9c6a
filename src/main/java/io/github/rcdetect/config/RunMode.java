package io.github.rcdetect.config;

import io.github.rcdetect.io.kafka.KafkaSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** How a run reads and writes: files (a bounded run) or Kafka topics (streaming). No code can read the other's half. */
public sealed interface RunMode permits RunMode.Files, RunMode.Kafka {

    /**
     * A bounded run over NDJSON exports.
     *
     * @param alerts null for standard output
     * @param deadLetters null for standard error
     */
    record Files(List<Path> activity, List<Path> process, Path alerts, Path deadLetters) implements RunMode {}

    /**
     * The streaming job between Kafka topics.
     *
     * @param checkpointDir null for the cluster's configuration
     * @param kafkaWait how long the start waits for the cluster and the input topics
     * @param statusInterval how often the status line is printed
     */
    record Kafka(
            KafkaSettings kafka,
            Duration checkpointInterval,
            String checkpointDir,
            Duration kafkaWait,
            Duration statusInterval)
            implements RunMode {}
}
