package io.github.rcdetect.io.file;

import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;

/** A line range split's fields in a fixed order (Flink's own split serializer refuses subclasses). */
final class LineRangeSplitSerializer implements SimpleVersionedSerializer<LineRangeSplit> {
    static final LineRangeSplitSerializer INSTANCE = new LineRangeSplitSerializer();

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(LineRangeSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        out.writeUTF(split.splitId());
        out.writeUTF(split.path().toString());
        out.writeLong(split.offset());
        out.writeLong(split.length());
        out.writeLong(split.fileModificationTime());
        out.writeLong(split.fileSize());
        out.writeLong(split.firstLine());
        CheckpointedPosition position = split.getReaderPosition().orElse(null);
        out.writeBoolean(position != null);
        if (position != null) {
            out.writeLong(position.getOffset());
            out.writeLong(position.getRecordsAfterOffset());
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public LineRangeSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown version of a line range split: " + version);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        String id = in.readUTF();
        Path path = new Path(in.readUTF());
        long offset = in.readLong();
        long length = in.readLong();
        long modificationTime = in.readLong();
        long fileSize = in.readLong();
        long firstLine = in.readLong();
        CheckpointedPosition position =
                in.readBoolean() ? new CheckpointedPosition(in.readLong(), in.readLong()) : null;
        return new LineRangeSplit(id, path, offset, length, modificationTime, fileSize, position, firstLine);
    }
}
