package io.github.rcdetect;

import static io.github.rcdetect.testing.Records.line;
import static io.github.rcdetect.testing.Records.windowsChild;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.config.JobConfig;
import io.github.rcdetect.testing.KafkaBroker;
import io.github.rcdetect.testing.TestClusters;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka client settings of {@code --kafka-properties} (here a SASL password and a trust-store password) reach the
 * clients, and no log line of the whole run, at INFO, shows them.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SecretsNotLoggedITCase {
    private static final String SASL_SECRET = "SharedAccessKey=Zm9vYmFyLXNlY3JldC1rZXk=";
    private static final String TRUSTSTORE_SECRET = "trust-me-not-4711";

    @RegisterExtension
    @Order(1)
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(2);

    @TempDir
    Path directory;

    @Test
    void secretsOfTheKafkaPropertiesNeverReachTheLogs() throws Exception {
        Path properties = directory.resolve("kafka.properties");
        // The broker speaks PLAINTEXT, so the clients carry these settings without using them.
        Files.writeString(
                properties,
                "sasl.mechanism=PLAIN\n"
                        + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"$ConnectionString\" password=\"Endpoint=sb://ns.servicebus.windows.net/;"
                        + SASL_SECRET + "\";\n"
                        + "ssl.truststore.password=" + TRUSTSTORE_SECRET + "\n");
        KafkaBroker.Topics topics = KAFKA.createTopics(1);

        StringWriter log = new StringWriter();
        try (LogCapture capture = new LogCapture(log)) {
            JobConfig config = JobConfig.fromArgs(
                    "--bootstrap-servers", KAFKA.bootstrapServers(),
                    "--activity-topic", topics.activity(),
                    "--process-topic", topics.process(),
                    "--alerts-topic", topics.alerts(),
                    "--group-id", "secrets-" + topics.alerts(),
                    "--starting-offsets", "earliest",
                    "--checkpoint-interval", "1s",
                    "--kafka-properties", properties.toString(),
                    "--parallelism", "1");
            StreamExecutionEnvironment env = StreamingRun.environment(config, new Configuration());
            StreamingRun.define(env, config);
            JobClient job = env.executeAsync("secrets test");
            try {
                KAFKA.produce(
                        topics.process(), 0, List.of(line(windowsChild("2026-03-10T10:00:10Z", "vm1", "a.exe", "a"))));
                assertThat(KAFKA.awaitCommitted(topics.alerts(), records -> !records.isEmpty(), Duration.ofSeconds(90)))
                        .as("the job ran with these settings")
                        .hasSize(1);
            } finally {
                job.cancel().get();
            }
        }

        String logged = log.toString();
        assertThat(logged).as("the clients logged their configuration").contains("sasl.jaas.config = [hidden]");
        assertThat(logged).contains("ssl.truststore.password = [hidden]");
        assertThat(logged)
                .doesNotContain(SASL_SECRET)
                .doesNotContain(TRUSTSTORE_SECRET)
                .doesNotContain("Zm9vYmFy");
    }

    /** Every log event at INFO and above, of every logger, into a writer, while open. */
    private static final class LogCapture implements AutoCloseable {
        private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
        private final WriterAppender appender;
        private final Level previousLevel;

        LogCapture(StringWriter target) {
            appender = WriterAppender.newBuilder()
                    .setName("capture")
                    .setTarget(target)
                    .setLayout(PatternLayout.newBuilder()
                            .withPattern("%c %m %throwable%n")
                            .build())
                    .build();
            appender.start();
            LoggerConfig root = context.getConfiguration().getRootLogger();
            previousLevel = root.getLevel();
            root.addAppender(appender, Level.INFO, null);
            root.setLevel(Level.INFO);
            context.updateLoggers();
        }

        @Override
        public void close() {
            LoggerConfig root = context.getConfiguration().getRootLogger();
            root.removeAppender("capture");
            root.setLevel(previousLevel);
            context.updateLoggers();
            appender.stop();
        }
    }
}
