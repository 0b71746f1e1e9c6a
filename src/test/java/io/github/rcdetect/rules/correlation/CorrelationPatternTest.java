package io.github.rcdetect.rules.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.r1.HostEvent;
import io.github.rcdetect.rules.r1.Invocation;
import io.github.rcdetect.testing.Processes;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.operator.CepOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The correlation CEP operator on its own (with R1's classes), in a keyed harness: when each path emits, what arrives too late, and that a host's
 * state and timers are gone once its windows have closed.
 */
class CorrelationPatternTest {
    private static final long T = 1_773_136_800_000L;
    private static final long WINDOW = CorrelationPattern.CORRELATION_WINDOW.toMillis();

    private KeyedOneInputStreamOperatorTestHarness<String, HostEvent, Detection> harness;
    private static final OutputTag<Detection> WINDOW_CLOSED = CorrelationDetections.windowClosedTag("r1");
    private static final OutputTag<HostEvent> LATE =
            new OutputTag<>("r1-late-at-pattern", TypeInformation.of(HostEvent.class));

    @BeforeEach
    void open() throws Exception {
        CepOperator<HostEvent, String, Detection> operator = new CepOperator<>(
                TypeInformation.of(HostEvent.class).createSerializer(new SerializerConfigImpl()),
                false,
                NFACompiler.compileFactory(CorrelationPattern.<HostEvent>pattern(), true),
                new CorrelationEventOrder<HostEvent>(),
                AfterMatchSkipStrategy.noSkip(),
                new CorrelationDetections<HostEvent>("R1", WINDOW_CLOSED),
                LATE);
        harness = new KeyedOneInputStreamOperatorTestHarness<>(operator, HostEvent::hostKey, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void invocation(long timestamp, String correlationId) throws Exception {
        ActivityEvent record = new ActivityEvent();
        record.timestamp = timestamp;
        record.hostKey = "vm1";
        record.correlationId = correlationId;
        Invocation invocation = new Invocation();
        invocation.start(record);
        HostEvent event = new HostEvent();
        event.invocation = invocation;
        harness.processElement(event, timestamp);
    }

    private void process(long timestamp, String commandLine) throws Exception {
        ProcessEvent event =
                Processes.windows("powershell.exe", "powershell -ExecutionPolicy Unrestricted -File script1.ps1");
        event.timestamp = timestamp;
        event.commandLine = commandLine;
        HostEvent hostEvent = new HostEvent();
        hostEvent.process = event;
        harness.processElement(hostEvent, timestamp);
    }

    /** A detection as its correlation id and command lines. */
    private static String describe(Detection detection) {
        return detection.correlation.correlationId + " " + List.of(detection.correlation.commandLines);
    }

    private List<String> mainAlerts() {
        return harness.extractOutputValues().stream()
                .map(CorrelationPatternTest::describe)
                .collect(Collectors.toList());
    }

    private List<String> windowClosedAlerts() {
        return harness.getSideOutput(WINDOW_CLOSED) == null
                ? List.of()
                : harness.getSideOutput(WINDOW_CLOSED).stream()
                        .map(record -> describe(record.getValue()))
                        .collect(Collectors.toList());
    }

    @Test
    void anInvocationAloneIsEmittedWhenTheWatermarkPassesItsWindowAndTheHostForgottenWhenNoWindowCanUseIt()
            throws Exception {
        invocation(T, "c1");
        process(T + 10_000, "a");
        process(T + WINDOW, "b");
        harness.processWatermark(T + WINDOW);
        assertThat(windowClosedAlerts()).isEmpty();

        harness.processWatermark(T + WINDOW + 1);
        assertThat(mainAlerts()).isEmpty();
        assertThat(windowClosedAlerts()).containsExactly("c1 [a, b]");
        assertThat(harness.numKeyedStateEntries()).isZero();

        // CEP keeps a timer per event until a window starting at that event would have closed.
        harness.processWatermark(T + WINDOW + WINDOW);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(T + WINDOW + WINDOW + 1);
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aLaterInvocationClosesTheEarlierOneAtOnce() throws Exception {
        invocation(T, "c1");
        process(T + 10_000, "a");
        invocation(T + 20_000, "c2");
        process(T + 30_000, "b");
        harness.processWatermark(T + 20_000);
        assertThat(mainAlerts()).containsExactly("c1 [a]");

        harness.processWatermark(T + 30_000 + WINDOW + 1);
        assertThat(windowClosedAlerts()).containsExactly("c2 [b]");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void processesWithoutAnInvocationLeaveNoState() throws Exception {
        process(T, "a");
        process(T + 1, "b");
        harness.processWatermark(T + 1 + WINDOW + 1);
        assertThat(mainAlerts()).isEmpty();
        assertThat(windowClosedAlerts()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aProcessBehindTheWatermarkGoesToTheLateOutput() throws Exception {
        invocation(T, "c1");
        harness.processWatermark(T + 50_000);
        process(T + 40_000, "late");
        process(T + 60_000, "on time");
        harness.processWatermark(T + WINDOW + 1);
        List<StreamRecord<HostEvent>> late = List.copyOf(harness.getSideOutput(LATE));
        assertThat(late)
                .extracting(record -> record.getValue().process.commandLine)
                .containsExactly("late");
        assertThat(windowClosedAlerts()).containsExactly("c1 [on time]");
    }
}
