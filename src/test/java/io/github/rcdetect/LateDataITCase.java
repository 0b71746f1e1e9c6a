package io.github.rcdetect;

import static io.github.rcdetect.testing.Records.at;
import static io.github.rcdetect.testing.Records.defendProcess;
import static io.github.rcdetect.testing.Records.line;
import static io.github.rcdetect.testing.Records.runCommand;
import static io.github.rcdetect.testing.Records.windowsChild;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.metrics.JobCounter;
import io.github.rcdetect.testing.DetectionRun;
import io.github.rcdetect.testing.TestClusters;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Records behind the watermark are not dropped silently: they reach the late output and its counter. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LateDataITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.extensionWithSlots(1);

    @TempDir
    Path directory;

    /** A watermark after every record, 5 s behind the largest time seen: lateness follows file order exactly. */
    private static WatermarkStrategy<InputRecord> everyRecord() {
        return WatermarkStrategy.<InputRecord>forGenerator(context -> new WatermarkGenerator<>() {
                    private long max = Long.MIN_VALUE + 5_001;

                    @Override
                    public void onEvent(InputRecord record, long timestamp, WatermarkOutput output) {
                        max = Math.max(max, timestamp);
                        output.emitWatermark(new Watermark(max - 5_001));
                    }

                    @Override
                    public void onPeriodicEmit(WatermarkOutput output) {}
                })
                .withTimestampAssigner((record, previous) -> record.eventTime());
    }

    private static final Duration PAUSE = Duration.ofMillis(150);

    private static DetectionRun.Line activity(ObjectNode record) {
        return new DetectionRun.Line(EventStream.ACTIVITY, line(record));
    }

    private static DetectionRun.Line process(ObjectNode record) {
        return new DetectionRun.Line(EventStream.PROCESS, line(record));
    }

    @Test
    void aRunCommandBehindTheWatermarkGoesToTheLateOutputAndIsCounted() throws Exception {
        // One source, one watermark: after b (10:10:01) it is past 10:00, so c1 (10:00) arrives late.
        DetectionRun.Result result = new DetectionRun(directory)
                .parallelism(1)
                .watermarks(everyRecord())
                .runPaced(
                        List.of(
                                process(windowsChild(at(10), "vm1", "a.exe", "a")),
                                process(windowsChild(at(601), "vm1", "b.exe", "b")),
                                activity(runCommand(at(600), "VM1", "c2", "Start")),
                                activity(runCommand(at(0), "VM1", "c1", "Start"))),
                        PAUSE);

        assertThat(result.lateRecords()).singleElement().satisfies(late -> {
            assertThat(late.at("/@timestamp").asText()).isEqualTo("2026-03-10T10:00:00.000Z");
            assertThat(late.at("/azure/correlation_id").asText()).isEqualTo("c1");
            assertThat(late.at("/origin/stream").asText()).isEqualTo("activity");
            assertThat(late.at("/origin/line").asInt()).isEqualTo(4);
        });
        assertThat(result.counter(JobCounter.accumulatorName("lateRecords", "activity")))
                .isEqualTo(1);
        assertThat(result.counter(JobCounter.accumulatorName("lateRecords", "process")))
                .isZero();
        assertThat(result.alerts("R1"))
                .extracting(
                        alert -> alert.at("/azure_runcommand/correlation_id").asText())
                .containsExactly("c2");
        assertThat(result.alerts("R1").get(0).at("/process/command_line/0").asText())
                .isEqualTo("b");
        assertThat(result.alerts("R2"))
                .as("R2 is stateless: late or not, every hit alerts")
                .hasSize(2);
    }

    @Test
    void aProcessBehindTheWatermarkGoesToTheLateOutputAndIsCounted() throws Exception {
        DetectionRun.Result result = new DetectionRun(directory)
                .parallelism(1)
                .watermarks(everyRecord())
                .runPaced(
                        List.of(
                                activity(runCommand(at(0), "VM1", "c1", "Start")),
                                activity(runCommand(at(600), "VM1", "c2", "Start")),
                                process(windowsChild(at(601), "vm1", "b.exe", "b")),
                                process(windowsChild(at(10), "vm1", "a.exe", "a"))),
                        PAUSE);

        assertThat(result.lateRecords()).singleElement().satisfies(late -> {
            assertThat(late.at("/origin/stream").asText()).isEqualTo("process");
            assertThat(late.at("/process/command_line").asText()).isEqualTo("a");
            assertThat(late.at("/origin/line").asInt()).isEqualTo(4);
        });
        assertThat(result.counter(JobCounter.accumulatorName("lateRecords", "process")))
                .isEqualTo(1);
        assertThat(result.counter(JobCounter.accumulatorName("lateRecords", "activity")))
                .isZero();
        assertThat(result.alerts("R1"))
                .extracting(
                        alert -> alert.at("/azure_runcommand/correlation_id").asText())
                .containsExactly("c2");
        assertThat(result.alerts("R2")).hasSize(2);
    }

    /**
     * The parser hands noise on as its time alone, and the watermark must still see it: after the noise at 10:10:01,
     * the script child at 10:00:10 is behind the watermark, as it would be after any other record of that time.
     */
    @Test
    void noiseMovesTheWatermarkThoughNoRuleSeesIt() throws Exception {
        DetectionRun.Result result = new DetectionRun(directory)
                .parallelism(1)
                .watermarks(everyRecord())
                .runPaced(
                        List.of(
                                activity(runCommand(at(0), "VM1", "c1", "Start")),
                                process(defendProcess(
                                        at(601),
                                        "vm2",
                                        "start",
                                        "svchost.exe",
                                        "svchost.exe -k netsvcs",
                                        "services.exe",
                                        "services.exe",
                                        null)),
                                process(windowsChild(at(10), "vm1", "a.exe", "a"))),
                        PAUSE);

        assertThat(result.lateRecords()).singleElement().satisfies(late -> {
            assertThat(late.at("/origin/stream").asText()).isEqualTo("process");
            assertThat(late.at("/process/command_line").asText()).isEqualTo("a");
        });
        assertThat(result.alerts("R1")).isEmpty();
        assertThat(result.counter(JobCounter.accumulatorName("recordsRead", "process")))
                .isEqualTo(2);
    }
}
