package io.github.rcdetect.io.file;

import io.github.rcdetect.serialization.HandWrittenSerializer;
import io.github.rcdetect.serialization.Wire;
import io.github.rcdetect.serialization.WireTypeInfo;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Output lines on their way to the one writer of a file: every alert, dead letter and late record crosses this edge,
 * and the file sinks keep no state, so the POJO serializer's reflection is not needed (docs/architecture.md).
 */
public final class OutputLineSerializer extends HandWrittenSerializer<OutputLine> {
    private static final long serialVersionUID = 1L;

    public static final OutputLineSerializer INSTANCE = new OutputLineSerializer();

    static final TypeInformation<OutputLine> TYPE = new WireTypeInfo<>(OutputLine.class, INSTANCE);

    private OutputLineSerializer() {}

    @Override
    public OutputLine createInstance() {
        return new OutputLine();
    }

    @Override
    protected void write(OutputLine line, DataOutputView out) throws IOException {
        Wire.writeString(line.sortKey, out);
        Wire.writeString(line.json, out);
    }

    @Override
    protected OutputLine read(DataInputView in) throws IOException {
        return new OutputLine(Wire.readString(in), Wire.readString(in));
    }

    @Override
    public TypeSerializerSnapshot<OutputLine> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer; needed by Flink's contract, though no state holds this format. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<OutputLine> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
