package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The host inventory topic of the streaming job (docs/spec.md, section 9): an entry sent to the compacted topic makes
 * the next invocation on a renamed guest correlate without a restart, the entry survives a restore from a retained
 * checkpoint (the source does not read it again: it resumes after it), and a tombstone takes it back.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class HostInventoryKafkaITCase {
    @RegisterExtension
    @Order(1)
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(4);

    private static final StreamingJobs JOBS = new StreamingJobs(KAFKA);
    private static final String VM =
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/SQL-REPORTING-VM-07";
    private static final String ENTRY = "{\"id\":\"" + VM + "\",\"type\":\"microsoft.compute/virtualmachines\","
            + "\"properties\":{\"osProfile\":{\"computerName\":\"SQLRPT07\"}}}";

    @TempDir
    Path directory;

    @Test
    void anInventoryUpdateReKeysTheNextInvocationAndSurvivesARestore() throws Exception {
        KafkaBroker.Topics topics = KAFKA.createTopics(1);
        String inventory = KAFKA.createCompactedTopic("inventory");
        List<String> args = JOBS.args(topics, directory, "--host-inventory-topic", inventory);
        int deadLetters = 0;

        JobClient first = JOBS.start(args, new Configuration());
        try {
            JOBS.invocationAt(topics, VM, "SQLRPT07", "2026-03-11T10:00:00Z", 1);
            assertThat(KAFKA.awaitCommitted(topics.alerts(), records -> records.size() >= 1, StreamingJobs.WAIT))
                    .as("without the inventory: R2 alone")
                    .hasSize(1);

            KAFKA.produceKeyed(inventory, VM, ENTRY);
            awaitInventoryApplied(topics, inventory, ++deadLetters);
            JOBS.invocationAt(topics, VM, "SQLRPT07", "2026-03-11T10:20:00Z", 2);
            assertThat(KAFKA.awaitCommitted(topics.alerts(), records -> records.size() >= 3, StreamingJobs.WAIT))
                    .as("with the entry, without a restart: R1 and R2")
                    .hasSize(3);
        } finally {
            first.cancel().get();
        }

        JobClient second = JOBS.restoreLatestCheckpoint(args, directory, first);
        try {
            JOBS.invocationAt(topics, VM, "SQLRPT07", "2026-03-11T10:40:00Z", 3);
            assertThat(KAFKA.awaitCommitted(topics.alerts(), records -> records.size() >= 5, StreamingJobs.WAIT))
                    .as("after the restore, from the state alone: R1 and R2")
                    .hasSize(5);

            KAFKA.produceKeyed(inventory, VM, null);
            awaitInventoryApplied(topics, inventory, ++deadLetters);
            JOBS.invocationAt(topics, VM, "SQLRPT07", "2026-03-11T11:00:00Z", 4);
            List<JsonNode> alerts = JOBS.awaitAlerts(topics, 6);

            assertThat(alerts.stream()
                            .map(alert -> String.join(
                                    " ",
                                    alert.at("/rule/id").asText(),
                                    alert.at("/@timestamp").asText(),
                                    alert.at("/host/name").asText(),
                                    alert.at("/cloud/instance/name").asText("-"),
                                    alert.at("/azure_runcommand/host_match").asText("-")))
                            .sorted())
                    .containsExactly(
                            "R1 2026-03-11T10:20:00.000Z sqlrpt07 SQL-REPORTING-VM-07 inventory",
                            "R1 2026-03-11T10:40:00.000Z sqlrpt07 SQL-REPORTING-VM-07 inventory",
                            "R2 2026-03-11T10:00:10.000Z sqlrpt07 - -",
                            "R2 2026-03-11T10:20:10.000Z sqlrpt07 SQL-REPORTING-VM-07 -",
                            "R2 2026-03-11T10:40:10.000Z sqlrpt07 SQL-REPORTING-VM-07 -",
                            "R2 2026-03-11T11:00:10.000Z sqlrpt07 - -");
        } finally {
            second.cancel().get();
        }
    }

    /**
     * Waits until the resolver has applied every inventory message sent so far: a malformed message sent after them
     * reaches the dead-letter topic only once a checkpoint completes after it, and that checkpoint's barrier follows
     * the earlier messages through the resolver.
     */
    private static void awaitInventoryApplied(KafkaBroker.Topics topics, String inventory, int deadLetters)
            throws InterruptedException {
        KAFKA.produceKeyed(inventory, "marker", "not json " + deadLetters);
        assertThat(KAFKA.awaitCommitted(
                        topics.deadLetters(), records -> records.size() >= deadLetters, StreamingJobs.WAIT))
                .as("the inventory's marker dead letters")
                .hasSize(deadLetters);
    }
}
