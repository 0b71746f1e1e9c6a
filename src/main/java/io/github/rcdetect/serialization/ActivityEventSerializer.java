package io.github.rcdetect.serialization;

import io.github.rcdetect.event.ActivityEvent;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/** Activity events between tasks, in the format a detection holds them in ({@link DetectionSerializer}). */
public final class ActivityEventSerializer extends HandWrittenSerializer<ActivityEvent> {
    private static final long serialVersionUID = 1L;

    public static final ActivityEventSerializer INSTANCE = new ActivityEventSerializer();

    private ActivityEventSerializer() {}

    @Override
    public ActivityEvent createInstance() {
        return new ActivityEvent();
    }

    @Override
    protected void write(ActivityEvent event, DataOutputView out) throws IOException {
        DetectionSerializer.writeActivity(event, out);
    }

    @Override
    protected ActivityEvent read(DataInputView in) throws IOException {
        return DetectionSerializer.readActivity(in);
    }

    @Override
    public TypeSerializerSnapshot<ActivityEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer; needed by Flink's contract, though no state holds this format. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ActivityEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
