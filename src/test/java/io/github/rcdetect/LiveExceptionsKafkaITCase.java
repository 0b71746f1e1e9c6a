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
 * The tuning topics of the streaming job (docs/spec.md, section 11), on a real broker: an exception item whose value
 * list arrives while the job runs drops the alerts after it without a restart, keeps dropping them after a restore
 * from a retained checkpoint (the source resumes after the messages, so only the state holds them), and its tombstone
 * brings them back; malformed messages on either topic are dead letters and change nothing.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LiveExceptionsKafkaITCase {
    @RegisterExtension
    @Order(1)
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(4);

    private static final StreamingJobs JOBS = new StreamingJobs(KAFKA);
    private static final String VMS = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/";
    private static final String PAUSED = VMS + "WIN-PAY-03";
    private static final String CONTROL = VMS + "WIN-WEB-05";
    private static final String ITEM = "{\"item_id\":\"pause-listed-hosts\",\"list_id\":\"soc-pauses\","
            + "\"type\":\"simple\",\"name\":\"hosts under maintenance\",\"entries\":[{\"field\":\"host.name\","
            + "\"operator\":\"included\",\"type\":\"list\",\"list\":{\"id\":\"paused-hosts\",\"type\":\"keyword\"}}]}";

    @TempDir
    Path directory;

    private int markers;

    @Test
    void anExceptionAddedWhileTheJobRunsDropsLaterAlertsSurvivesARestoreAndItsTombstoneBringsThemBack()
            throws Exception {
        KafkaBroker.Topics topics = KAFKA.createTopics(1);
        String exceptions = KAFKA.createCompactedTopic("exceptions");
        String valueLists = KAFKA.createCompactedTopic("value-lists");
        // The paused host's invocation and the next one are sent back to back (the first leaves no alert to wait
        // for), so under load the next one's guest tick, 20 min on in event time, can reach the job while the idle
        // Activity Log's reader has yet to read the paused Run Command: behind the default 15 min delay, that record
        // would be late (docs/operations.md). The test is about exceptions, so its Azure delay covers the gap.
        List<String> args = JOBS.args(
                topics,
                directory,
                "--exceptions-topic",
                exceptions,
                "--value-lists-topic",
                valueLists,
                "--max-activity-delay",
                "1 h");
        KAFKA.produceKeyed(exceptions, "pause-listed-hosts", ITEM);

        JobClient first = JOBS.start(args, new Configuration());
        try {
            JOBS.invocationAt(topics, PAUSED, "win-pay-03", "2026-03-11T10:00:00Z", 1);
            assertThat(KAFKA.awaitCommitted(topics.alerts(), records -> records.size() >= 2, StreamingJobs.WAIT))
                    .as("the item's value list is not there yet: it drops nothing")
                    .hasSize(2);

            KAFKA.produceKeyed(valueLists, "paused-hosts", "win-pay-03\nwin-pay-04\n");
            awaitApplied(topics, exceptions, valueLists);
            JOBS.invocationAt(topics, PAUSED, "win-pay-03", "2026-03-11T10:20:00Z", 2);
            JOBS.invocationAt(topics, CONTROL, "win-web-05", "2026-03-11T10:30:00Z", 3);
            assertThat(KAFKA.awaitCommitted(topics.alerts(), records -> records.size() >= 4, StreamingJobs.WAIT))
                    .as("the paused host's alerts dropped, the control host's pass")
                    .hasSize(4);
        } finally {
            first.cancel().get();
        }

        JobClient second = JOBS.restoreLatestCheckpoint(args, directory, first);
        try {
            JOBS.invocationAt(topics, PAUSED, "win-pay-03", "2026-03-11T10:40:00Z", 4);
            JOBS.invocationAt(topics, CONTROL, "win-web-05", "2026-03-11T10:50:00Z", 5);
            assertThat(KAFKA.awaitCommitted(topics.alerts(), records -> records.size() >= 6, StreamingJobs.WAIT))
                    .as("after the restore, from the state alone")
                    .hasSize(6);

            KAFKA.produceKeyed(exceptions, "pause-listed-hosts", null);
            awaitApplied(topics, exceptions, valueLists);
            JOBS.invocationAt(topics, PAUSED, "win-pay-03", "2026-03-11T11:00:00Z", 6);
            List<JsonNode> alerts = JOBS.awaitAlerts(topics, 8);

            assertThat(alerts.stream()
                            .map(alert -> alert.at("/rule/id").asText() + " "
                                    + alert.at("/@timestamp").asText() + " "
                                    + alert.at("/host/name").asText())
                            .sorted())
                    .containsExactly(
                            "R1 2026-03-11T10:00:00.000Z win-pay-03",
                            "R1 2026-03-11T10:30:00.000Z win-web-05",
                            "R1 2026-03-11T10:50:00.000Z win-web-05",
                            "R1 2026-03-11T11:00:00.000Z win-pay-03",
                            "R2 2026-03-11T10:00:10.000Z win-pay-03",
                            "R2 2026-03-11T10:30:10.000Z win-web-05",
                            "R2 2026-03-11T10:50:10.000Z win-web-05",
                            "R2 2026-03-11T11:00:10.000Z win-pay-03");
            assertThat(StreamingJobs.documents(KAFKA.readCommitted(topics.deadLetters())).stream()
                            .map(letter -> letter.at("/error/type").asText() + ": "
                                    + letter.at("/error/message").asText())
                            .distinct())
                    .containsExactlyInAnyOrder(
                            "invalid_exception_item: not JSON",
                            "invalid_value_list: a JSON array of strings holds NUMBER");
            assertThat(KAFKA.readCommitted(topics.late())).as("late records").isEmpty();
        } finally {
            second.cancel().get();
        }
    }

    /**
     * Waits until the job has applied every message sent to the two topics so far: a malformed message sent after
     * them on each topic reaches the dead-letter topic only once a checkpoint completes after it, and that
     * checkpoint's barrier follows the earlier messages of its topic through the operator applying them.
     */
    private void awaitApplied(KafkaBroker.Topics topics, String exceptions, String valueLists)
            throws InterruptedException {
        KAFKA.produceKeyed(exceptions, "marker", "not json " + markers);
        KAFKA.produceKeyed(valueLists, "marker", "[" + markers + "]");
        int expected = 2 * ++markers;
        assertThat(KAFKA.awaitCommitted(
                        topics.deadLetters(), records -> records.size() >= expected, StreamingJobs.WAIT))
                .as("the markers' dead letters")
                .hasSize(expected);
    }
}
