package io.github.rcdetect.serialization;

import io.github.rcdetect.event.ProcessEvent;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/** Process events between tasks, in the format a detection holds them in ({@link DetectionSerializer}). */
public final class ProcessEventSerializer extends HandWrittenSerializer<ProcessEvent> {
    private static final long serialVersionUID = 1L;

    public static final ProcessEventSerializer INSTANCE = new ProcessEventSerializer();

    private ProcessEventSerializer() {}

    @Override
    public ProcessEvent createInstance() {
        return new ProcessEvent();
    }

    @Override
    protected void write(ProcessEvent event, DataOutputView out) throws IOException {
        DetectionSerializer.writeProcess(event, out);
    }

    @Override
    protected ProcessEvent read(DataInputView in) throws IOException {
        return DetectionSerializer.readProcess(in);
    }

    @Override
    public TypeSerializerSnapshot<ProcessEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer; needed by Flink's contract, though no state holds this format. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ProcessEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
