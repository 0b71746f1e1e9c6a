package io.github.rcdetect.rules.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.domain.RunCommandAction;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.LateRecord;
import io.github.rcdetect.event.Origin;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The assembler on its own: merging, timing, absorbing, late records, and state gone once no window can use it. */
class InvocationAssemblerTest {
    private static final long T = 1_773_136_800_000L;
    private static final Duration MAX_SPAN = Duration.ofMinutes(90);
    private static final OutputTag<LateRecord> LATE = InvocationAssembler.lateTag("r1");

    private KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, Invocation> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new InvocationAssembler<>(Invocation.class, MAX_SPAN, LATE)),
                record -> record.hostKey,
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static ActivityEvent record(long timestamp, String correlationId, long line) {
        ActivityEvent event = new ActivityEvent();
        event.timestamp = timestamp;
        event.hostKey = "vm1";
        event.action = RunCommandAction.VIRTUAL_MACHINE.operationName();
        event.correlationId = correlationId;
        event.origin = Origin.ofFile(EventStream.ACTIVITY, "a.ndjson", line);
        return event;
    }

    private void send(ActivityEvent record) throws Exception {
        harness.processElement(record, record.timestamp);
    }

    private List<StreamRecord<? extends Invocation>> emitted() {
        return harness.extractOutputStreamRecords();
    }

    @Test
    void recordsOfOneCorrelationIdBecomeOneInvocationAtTheEarliestOnceTheWatermarkGetsThere() throws Exception {
        send(record(T + 1_000, "c1", 2));
        send(record(T, "c1", 1));
        harness.processWatermark(T - 1);
        assertThat(emitted()).isEmpty();

        harness.processWatermark(T);
        List<StreamRecord<? extends Invocation>> out = emitted();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).getTimestamp()).isEqualTo(T);
        Invocation invocation = out.get(0).getValue();
        assertThat(invocation.timestamp).isEqualTo(T);
        assertThat(invocation.correlationId).isEqualTo("c1");
        assertThat(Arrays.stream(invocation.records).map(r -> r.origin.line)).containsExactly(1L, 2L);
        assertThat(invocation.recordCount).isEqualTo(2);
    }

    @Test
    void laterRecordsOfAnEmittedInvocationAreAbsorbedThenStateIsCleared() throws Exception {
        send(record(T, "c1", 1));
        harness.processWatermark(T);
        send(record(T + 90_000, "c1", 2));
        harness.processWatermark(T + 90_000);
        assertThat(emitted()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        harness.processWatermark(T + MAX_SPAN.toMillis());
        assertThat(emitted()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aRecordAfterTheSpanStartsANewInvocation() throws Exception {
        send(record(T, "c1", 1));
        harness.processWatermark(T + MAX_SPAN.toMillis());
        send(record(T + MAX_SPAN.toMillis() + 1, "c1", 2));
        harness.processWatermark(T + MAX_SPAN.toMillis() + 1);
        assertThat(emitted()).extracting(r -> r.getValue().timestamp).containsExactly(T, T + MAX_SPAN.toMillis() + 1);
    }

    @Test
    void recordsWithoutCorrelationIdPassAtOnceAsTheirOwnInvocation() throws Exception {
        send(record(T, null, 1));
        send(record(T, null, 2));
        assertThat(emitted())
                .extracting(r -> r.getValue().records[0].origin.line)
                .containsExactly(1L, 2L);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void recordsBehindTheWatermarkGoToTheLateOutput() throws Exception {
        harness.processWatermark(T);
        send(record(T, "c1", 1));
        send(record(T - 5_000, null, 2));
        assertThat(emitted()).isEmpty();
        ConcurrentLinkedQueue<StreamRecord<LateRecord>> late = harness.getSideOutput(LATE);
        assertThat(late).extracting(r -> r.getValue().activity.origin.line).containsExactly(1L, 2L);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void stateSurvivesASnapshotAndRestore() throws Exception {
        send(record(T, "c1", 1));
        var snapshot = harness.snapshot(1L, T);
        harness.close();

        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new InvocationAssembler<>(Invocation.class, MAX_SPAN, LATE)),
                record -> record.hostKey,
                Types.STRING);
        harness.initializeState(snapshot);
        harness.open();
        send(record(T + 2_000, "c1", 2));
        harness.processWatermark(T + 2_000);
        List<StreamRecord<? extends Invocation>> out = emitted();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).getValue().recordCount).isEqualTo(2);
    }
}
