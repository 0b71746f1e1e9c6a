package io.github.rcdetect.rules.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.r1.HostEvent;
import io.github.rcdetect.testing.ModelFiller;
import io.github.rcdetect.testing.SerializerRoundTrips;

import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.junit.jupiter.api.Test;

class CorrelationEventSerializerTest {
    private static final CorrelationEventSerializer<io.github.rcdetect.rules.r1.Invocation, HostEvent> R1 =
            new CorrelationEventSerializer<>(HostEvent.class, io.github.rcdetect.rules.r1.Invocation.class);
    private static final CorrelationEventSerializer<
                    io.github.rcdetect.rules.r3.Invocation, io.github.rcdetect.rules.r3.HostEvent>
            R3 = new CorrelationEventSerializer<>(
                    io.github.rcdetect.rules.r3.HostEvent.class, io.github.rcdetect.rules.r3.Invocation.class);

    /**
     * Every field of the event, its invocation (of each correlation rule's own class, so a field one of them adds
     * fails here), its records (one of them null) and its process.
     */
    @Test
    void everyFieldOfEachRulesPatternEventSurvivesTheRoundTrip() throws Exception {
        HostEvent r1 = new HostEvent();
        r1.invocation = ModelFiller.filled(io.github.rcdetect.rules.r1.Invocation.class);
        r1.process = ModelFiller.filled(ProcessEvent.class);
        io.github.rcdetect.rules.r3.HostEvent r3 = new io.github.rcdetect.rules.r3.HostEvent();
        r3.invocation = ModelFiller.filled(io.github.rcdetect.rules.r3.Invocation.class);
        r3.process = ModelFiller.filled(ProcessEvent.class);

        HostEvent r1Back = roundTrip(r1);
        io.github.rcdetect.rules.r3.HostEvent r3Back = SerializerRoundTrips.roundTrip(R3, r3);

        assertThat(r1Back).usingRecursiveComparison().isEqualTo(r1);
        assertThat(r1Back.invocation).isExactlyInstanceOf(io.github.rcdetect.rules.r1.Invocation.class);
        assertThat(r1Back.invocation.records).hasSize(3).containsNull();
        assertThat(r3Back).usingRecursiveComparison().isEqualTo(r3);
        assertThat(r3Back).isExactlyInstanceOf(io.github.rcdetect.rules.r3.HostEvent.class);
        assertThat(r3Back.invocation).isExactlyInstanceOf(io.github.rcdetect.rules.r3.Invocation.class);
    }

    @Test
    void anInvocationAloneAProcessAloneAndNullComeBackAsTheyWere() throws Exception {
        HostEvent invocation = new HostEvent();
        invocation.invocation = new io.github.rcdetect.rules.r1.Invocation();
        HostEvent process = new HostEvent();
        process.process = new ProcessEvent();

        assertThat(roundTrip(invocation)).usingRecursiveComparison().isEqualTo(invocation);
        assertThat(roundTrip(process)).usingRecursiveComparison().isEqualTo(process);
        assertThat(roundTrip(new HostEvent())).usingRecursiveComparison().isEqualTo(new HostEvent());
        assertThat(roundTrip(null)).isNull();
    }

    @Test
    void itsSnapshotRestoresTheSerializerOfTheSameRuleAndNoOther() throws Exception {
        TypeSerializerSnapshot<HostEvent> restored = SerializerRoundTrips.restoredSnapshot(R1);

        assertThat(restored.restoreSerializer()).isEqualTo(R1);
        assertThat(R1.snapshotConfiguration()
                        .resolveSchemaCompatibility(restored)
                        .isCompatibleAsIs())
                .isTrue();
        assertThat(R3).isNotEqualTo(R1);
    }

    private static HostEvent roundTrip(HostEvent event) throws Exception {
        return SerializerRoundTrips.roundTrip(R1, event);
    }
}
