package io.github.rcdetect.rules.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;

import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** A correlation rule's event time: the usual minimum of both streams, except while the Activity Log is idle. */
class QuietActivityWatermarkTest {
    private static final long MINUTE = 60_000;
    private static final OutputTag<ProcessEvent> PROCESSES = QuietActivityWatermark.processesTag("r1");

    private TwoInputStreamOperatorTestHarness<ActivityEvent, ProcessEvent, ActivityEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new TwoInputStreamOperatorTestHarness<>(new QuietActivityWatermark(Duration.ofMinutes(15), PROCESSES));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private List<Object> emitted() {
        List<Object> events = harness.getOutput().stream()
                .filter(e -> e instanceof Watermark || e instanceof WatermarkStatus)
                .map(e -> e instanceof Watermark ? (Object) ((Watermark) e).getTimestamp() : e)
                .collect(Collectors.toList());
        harness.getOutput().clear();
        return events;
    }

    @Test
    void whileBothStreamsAreActiveTimeIsTheSlowerOfThem() throws Exception {
        harness.processWatermark1(new Watermark(100 * MINUTE));
        harness.processWatermark2(new Watermark(200 * MINUTE));
        assertThat(emitted()).containsExactly(100 * MINUTE);
        harness.processWatermark1(new Watermark(300 * MINUTE));
        assertThat(emitted()).containsExactly(200 * MINUTE);
    }

    @Test
    void whileTheActivityLogIsIdleTimeTrailsTheEndpointsByTheMaxActivityDelay() throws Exception {
        harness.processWatermark1(new Watermark(100 * MINUTE));
        harness.processWatermark2(new Watermark(110 * MINUTE));
        harness.processWatermarkStatus1(WatermarkStatus.IDLE);
        harness.processWatermark2(new Watermark(120 * MINUTE));
        assertThat(emitted()).containsExactly(100 * MINUTE, 105 * MINUTE);
        harness.processWatermark2(new Watermark(200 * MINUTE));
        assertThat(emitted()).containsExactly(185 * MINUTE);
    }

    @Test
    void whileTheEndpointsAreIdleTimeFollowsTheActivityLog() throws Exception {
        harness.processWatermark2(new Watermark(50 * MINUTE));
        harness.processWatermarkStatus2(WatermarkStatus.IDLE);
        harness.processWatermark1(new Watermark(100 * MINUTE));
        assertThat(emitted()).containsExactly(100 * MINUTE);
    }

    @Test
    void whenBothAreIdleTimeHoldsAndIdlenessIsNotPassedOn() throws Exception {
        harness.processWatermark1(new Watermark(100 * MINUTE));
        harness.processWatermark2(new Watermark(100 * MINUTE));
        harness.processWatermarkStatus1(WatermarkStatus.IDLE);
        harness.processWatermarkStatus2(WatermarkStatus.IDLE);
        harness.processWatermarkStatus2(WatermarkStatus.ACTIVE);
        harness.processWatermarkStatus1(WatermarkStatus.ACTIVE);
        assertThat(emitted()).containsExactly(100 * MINUTE);
    }

    @Test
    void theEndOfInputEndsTimeEvenIfTheActivityLogWasIdle() throws Exception {
        harness.processWatermarkStatus1(WatermarkStatus.IDLE);
        harness.processWatermark1(new Watermark(Long.MAX_VALUE));
        harness.processWatermark2(new Watermark(Long.MAX_VALUE));
        assertThat(emitted()).endsWith(Long.MAX_VALUE);
    }

    @Test
    void recordsPassRunCommandsOnTheMainOutputProcessesOnTheSideOutput() throws Exception {
        ActivityEvent record = new ActivityEvent();
        record.correlationId = "c1";
        ProcessEvent process = new ProcessEvent();
        process.name = "whoami.exe";
        harness.processElement1(record, 5);
        harness.processElement2(process, 6);
        assertThat(harness.extractOutputValues())
                .extracting(r -> r.correlationId)
                .containsExactly("c1");
        assertThat(harness.getSideOutput(PROCESSES))
                .extracting(r -> r.getValue().name)
                .containsExactly("whoami.exe");
    }
}
