package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.output.Json;
import io.github.rcdetect.testing.DetectionRun;
import io.github.rcdetect.testing.TestClusters;
import io.github.rcdetect.testing.Testdata;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Files read in byte-range splits (docs/architecture.md, "Reading files") give the alerts and dead letters of files
 * read whole, byte for byte: the same records, and the same file:line origins in alerts' source events and in dead
 * letters.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SplitFilesITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(2);

    @TempDir
    Path directory;

    @Test
    void testdataReadInSplitsOfAnySizeGivesExactlyTheAlertsAndDeadLettersOfFilesReadWhole() throws Exception {
        DetectionRun.Result whole = run(Long.MAX_VALUE);
        assertThat(whole.alerts().stream().map(Testdata::describe)).containsExactlyElementsOf(Testdata.EXPECTED_ALERTS);
        assertThat(whole.deadLetters().stream().map(Testdata::describeDeadLetter))
                .containsExactlyElementsOf(Testdata.EXPECTED_DEAD_LETTERS);

        // One line per split, a few lines per split, and about two splits per file.
        for (long splitBytes : new long[] {1, 2_000, 8_000}) {
            DetectionRun.Result split = run(splitBytes);
            assertThat(lines(split.alerts()))
                    .as("alerts, splits of %d bytes", splitBytes)
                    .containsExactlyElementsOf(lines(whole.alerts()));
            assertThat(lines(split.deadLetters()))
                    .as("dead letters, splits of %d bytes", splitBytes)
                    .containsExactlyElementsOf(lines(whole.deadLetters()));
        }
    }

    private DetectionRun.Result run(long splitBytes) throws Exception {
        return new DetectionRun(directory)
                .splitBytes(splitBytes)
                .runFiles(List.of(Path.of("testdata/activity")), List.of(Path.of("testdata/process")));
    }

    private static List<String> lines(List<ObjectNode> documents) {
        return documents.stream().map(Json::write).toList();
    }
}
