package io.github.rcdetect.serialization;

import static io.github.rcdetect.testing.SerializerRoundTrips.restoredSnapshot;
import static io.github.rcdetect.testing.SerializerRoundTrips.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.testing.ModelFiller;

import org.junit.jupiter.api.Test;

/** The events' formats between tasks: every field of the model at every depth, and null. */
class EventSerializersTest {

    @Test
    void everyFieldOfAProcessEventSurvivesTheRoundTrip() throws Exception {
        ProcessEvent full = ModelFiller.filled(ProcessEvent.class);

        assertThat(roundTrip(ProcessEventSerializer.INSTANCE, full))
                .usingRecursiveComparison()
                .isEqualTo(full);
        assertThat(roundTrip(ProcessEventSerializer.INSTANCE, new ProcessEvent()))
                .usingRecursiveComparison()
                .isEqualTo(new ProcessEvent());
        assertThat(roundTrip(ProcessEventSerializer.INSTANCE, null)).isNull();
    }

    @Test
    void everyFieldOfAnActivityEventSurvivesTheRoundTrip() throws Exception {
        ActivityEvent full = ModelFiller.filled(ActivityEvent.class);

        assertThat(roundTrip(ActivityEventSerializer.INSTANCE, full))
                .usingRecursiveComparison()
                .isEqualTo(full);
        assertThat(roundTrip(ActivityEventSerializer.INSTANCE, new ActivityEvent()))
                .usingRecursiveComparison()
                .isEqualTo(new ActivityEvent());
        assertThat(roundTrip(ActivityEventSerializer.INSTANCE, null)).isNull();
    }

    @Test
    void theirSnapshotsRestoreTheSameSerializers() throws Exception {
        assertThat(restoredSnapshot(ProcessEventSerializer.INSTANCE).restoreSerializer())
                .isEqualTo(ProcessEventSerializer.INSTANCE);
        assertThat(restoredSnapshot(ActivityEventSerializer.INSTANCE).restoreSerializer())
                .isEqualTo(ActivityEventSerializer.INSTANCE);
        assertThat(WireTypes.PROCESS_EVENT.createSerializer(null)).isSameAs(ProcessEventSerializer.INSTANCE);
        assertThat(WireTypes.ACTIVITY_EVENT.createSerializer(null)).isSameAs(ActivityEventSerializer.INSTANCE);
    }
}
