package io.github.rcdetect;

import static io.github.rcdetect.testing.Records.at;
import static io.github.rcdetect.testing.Records.line;
import static io.github.rcdetect.testing.Records.runCommand;
import static io.github.rcdetect.testing.Records.windowsChild;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.metrics.JobCounter;
import io.github.rcdetect.testing.DetectionRun;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Records behind the watermark are not dropped silently: they reach the late output and its counter. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LateDataITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @TempDir Path directory;

    /** A watermark after every record, 5 s behind the largest time seen: lateness follows file order exactly. */
    private static WatermarkStrategy<InputRecord> everyRecord() {
        return WatermarkStrategy.<InputRecord>forGenerator(
                        context ->
                                new WatermarkGenerator<>() {
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

    @Test
    void aRunCommandRecordBehindTheWatermarkGoesToTheLateOutputAndIsCounted() throws Exception {
        DetectionRun.Result result =
                new DetectionRun(directory)
                        .parallelism(1)
                        .watermarks(everyRecord())
                        .run(
                                List.of(
                                        line(runCommand(at(600), "VM1", "c2", "Start")),
                                        line(runCommand(at(0), "VM1", "c1", "Start"))),
                                List.of(
                                        line(windowsChild(at(10), "vm1", "a.exe", "a")),
                                        line(windowsChild(at(601), "vm1", "b.exe", "b"))));

        assertThat(result.lateRecords()).singleElement().satisfies(late -> {
            assertThat(late.at("/@timestamp").asText()).isEqualTo("2026-03-10T10:00:00.000Z");
            assertThat(late.at("/azure/correlation_id").asText()).isEqualTo("c1");
            assertThat(late.at("/origin/stream").asText()).isEqualTo("activity");
            assertThat(late.at("/origin/line").asInt()).isEqualTo(2);
        });
        assertThat(result.counter(JobCounter.accumulatorName("lateRecords", "activity"))).isEqualTo(1);
        assertThat(result.counter(JobCounter.accumulatorName("lateRecords", "process"))).isZero();
        assertThat(result.alerts("R1"))
                .extracting(alert -> alert.at("/azure_runcommand/correlation_id").asText())
                .containsExactly("c2");
        assertThat(result.alerts("R2")).as("R2 is stateless: late or not, every hit alerts").hasSize(2);
        ObjectNode r1 = result.alerts("R1").get(0);
        assertThat(r1.at("/process/command_line/0").asText()).isEqualTo("b");
    }
}
