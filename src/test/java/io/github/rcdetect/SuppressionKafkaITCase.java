package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rcdetect.testing.KafkaBroker;
import io.github.rcdetect.testing.StreamingJobs;
import io.github.rcdetect.testing.TestClusters;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Suppression in a stream (docs/spec.md, section 12) through crashes: a group's first alert leaves at once and its
 * update with the final figures once, with the same {@code event.id}, although a TaskManager is lost after the first
 * alert and again right after the records that close the window.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SuppressionKafkaITCase {
    @RegisterExtension
    @Order(1)
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(4);

    private static final StreamingJobs JOBS = new StreamingJobs(KAFKA);
    private static final Instant T0 = Instant.parse("2026-03-11T10:00:00Z");

    @TempDir
    Path directory;

    @Test
    void aSuppressedGroupsUpdateLeavesExactlyOnceThroughTwoCrashes(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        KafkaBroker.Topics topics = KAFKA.createTopics(1);
        Path settings = Files.writeString(
                directory.resolve("rule-settings.json"),
                "{\"R2\":{\"alert_suppression\":{\"group_by\":[\"host.name\"],"
                        + "\"duration\":{\"value\":5,\"unit\":\"m\"}}}}");
        JobClient job =
                JOBS.start(JOBS.args(topics, directory, "--rule-settings", settings.toString()), new Configuration());
        try {
            KAFKA.produce(topics.process(), 0, List.of(child(10, 1), child(20, 2), child(30, 3)));
            assertThat(KAFKA.awaitCommitted(topics.alerts(), records -> records.size() >= 1, StreamingJobs.WAIT))
                    .as("the group's first alert, at once")
                    .hasSize(1);
            StreamingJobs.awaitCheckpoints(cluster, job.getJobID(), 1);
            cluster.terminateTaskManager(0).get();
            cluster.startTaskManager();

            KAFKA.produce(topics.process(), 0, List.of(child(60, 4), child(120, 5)));
            String tick = "{\"@timestamp\":\"" + T0.plusSeconds(3600) + "\",\"host\":{\"name\":\"tick\"},"
                    + "\"event\":{\"action\":\"start\",\"type\":[\"start\"]},\"process\":{\"name\":\"svchost.exe\"}}";
            KAFKA.produce(topics.process(), 0, List.of(tick));
            KAFKA.produce(
                    topics.activity(),
                    0,
                    List.of("{\"time\":\"" + T0.plusSeconds(3600) + "\",\"operationName\":"
                            + "\"MICROSOFT.COMPUTE/VIRTUALMACHINES/READ\",\"resourceId\":\"/x/virtualMachines/t\"}"));
            cluster.terminateTaskManager(1).get();
            cluster.startTaskManager();

            List<JsonNode> alerts = JOBS.awaitAlerts(topics, 2);
            List<String> described = new ArrayList<>();
            for (JsonNode alert : alerts) {
                JsonNode suppression = alert.at("/kibana/alert/suppression");
                described.add(alert.at("/rule/id").asText() + " "
                        + alert.at("/@timestamp").asText() + " "
                        + suppression.at("/docs_count").asText() + " "
                        + suppression.at("/start").asText() + ".."
                        + suppression.at("/end").asText());
            }
            assertThat(described)
                    .containsExactly(
                            "R2 2026-03-11T10:00:10.000Z 0 2026-03-11T10:00:10.000Z..2026-03-11T10:00:10.000Z",
                            "R2 2026-03-11T10:00:10.000Z 4 2026-03-11T10:00:10.000Z..2026-03-11T10:02:00.000Z");
            assertThat(alerts.get(1).at("/event/id").asText())
                    .as("the update replaces the first alert")
                    .isEqualTo(alerts.get(0).at("/event/id").asText());
        } finally {
            job.cancel().get();
        }
    }

    /** A script child on vm1, {@code seconds} after T0. */
    private static String child(int seconds, int n) {
        return "{\"@timestamp\":\"" + T0.plusSeconds(seconds) + "\",\"event\":{\"action\":\"start\",\"type\":"
                + "[\"start\"],\"category\":[\"process\"],\"id\":\"p-" + n + "\"},\"host\":{\"name\":\"vm1\"},"
                + "\"process\":{\"name\":\"whoami.exe\",\"pid\":" + n + ",\"command_line\":\"whoami /priv\","
                + "\"parent\":{\"name\":\"powershell.exe\",\"command_line\":"
                + "\"powershell -ExecutionPolicy Unrestricted -File script0.ps1\"}}}";
    }
}
