package io.github.rcdetect.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.testing.ModelFiller;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
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
        assertThat(restored(ProcessEventSerializer.INSTANCE)).isEqualTo(ProcessEventSerializer.INSTANCE);
        assertThat(restored(ActivityEventSerializer.INSTANCE)).isEqualTo(ActivityEventSerializer.INSTANCE);
        assertThat(WireTypes.PROCESS_EVENT.createSerializer(null)).isSameAs(ProcessEventSerializer.INSTANCE);
        assertThat(WireTypes.ACTIVITY_EVENT.createSerializer(null)).isSameAs(ActivityEventSerializer.INSTANCE);
    }

    private static <T> TypeSerializer<T> restored(TypeSerializer<T> serializer) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<T> snapshot = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), EventSerializersTest.class.getClassLoader());
        return snapshot.restoreSerializer();
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T event) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(event, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        T back = serializer.deserialize(in);
        assertThat(in.available()).as("bytes left unread").isZero();
        return back;
    }
}
