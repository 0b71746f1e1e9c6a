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

    /** Every field of the event, its invocation, its records (one of them null) and its process. */
    @Test
    void everyFieldOfAPatternEventSurvivesTheRoundTrip() throws Exception {
        HostEvent full = new HostEvent();
        full.invocation = ModelFiller.filled(io.github.rcdetect.rules.r1.Invocation.class);
        full.process = ModelFiller.filled(ProcessEvent.class);

        HostEvent back = roundTrip(full);

        assertThat(back).usingRecursiveComparison().isEqualTo(full);
        assertThat(back.invocation).isExactlyInstanceOf(io.github.rcdetect.rules.r1.Invocation.class);
        assertThat(back.invocation.records).hasSize(3).containsNull();
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
        assertThat(new CorrelationEventSerializer<>(
                        io.github.rcdetect.rules.r3.HostEvent.class, io.github.rcdetect.rules.r3.Invocation.class))
                .isNotEqualTo(R1);
    }

    private static HostEvent roundTrip(HostEvent event) throws Exception {
        return SerializerRoundTrips.roundTrip(R1, event);
    }
}
