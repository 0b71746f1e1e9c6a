package io.github.rcdetect.rules.correlation;

import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.serialization.ActivityEventSerializer;
import io.github.rcdetect.serialization.HandWrittenSerializer;
import io.github.rcdetect.serialization.ProcessEventSerializer;
import io.github.rcdetect.serialization.Wire;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.InstantiationUtil;

import java.io.IOException;

/**
 * A correlation rule's pattern events on their way to its CEP operator, in the format of the events they hold. The
 * operator keeps them in state as POJOs: they cross the network in this format and become the pattern's input one
 * chained step later ({@link InvocationCorrelation}). One serializer per rule, as each binds its own classes.
 */
final class CorrelationEventSerializer<I extends Invocation, E extends CorrelationEvent<I>>
        extends HandWrittenSerializer<E> {
    private static final long serialVersionUID = 1L;

    private final Class<E> eventClass;
    private final Class<I> invocationClass;

    CorrelationEventSerializer(Class<E> eventClass, Class<I> invocationClass) {
        this.eventClass = eventClass;
        this.invocationClass = invocationClass;
    }

    @Override
    protected void write(E event, DataOutputView out) throws IOException {
        I invocation = event.invocation;
        out.writeBoolean(invocation != null);
        if (invocation != null) {
            Wire.writeString(invocation.hostKey, out);
            Wire.writeString(invocation.correlationId, out);
            out.writeLong(invocation.timestamp);
            out.writeInt(invocation.records == null ? -1 : invocation.records.length);
            if (invocation.records != null) {
                for (ActivityEvent record : invocation.records) {
                    ActivityEventSerializer.INSTANCE.serialize(record, out);
                }
            }
            out.writeInt(invocation.recordCount);
        }
        ProcessEventSerializer.INSTANCE.serialize(event.process, out);
    }

    @Override
    protected E read(DataInputView in) throws IOException {
        E event = createInstance();
        if (in.readBoolean()) {
            I invocation = InstantiationUtil.instantiate(invocationClass);
            invocation.hostKey = Wire.readString(in);
            invocation.correlationId = Wire.readString(in);
            invocation.timestamp = in.readLong();
            int records = in.readInt();
            if (records >= 0) {
                invocation.records = new ActivityEvent[records];
                for (int i = 0; i < records; i++) {
                    invocation.records[i] = ActivityEventSerializer.INSTANCE.deserialize(in);
                }
            }
            invocation.recordCount = in.readInt();
            event.invocation = invocation;
        }
        event.process = ProcessEventSerializer.INSTANCE.deserialize(in);
        return event;
    }

    @Override
    public E createInstance() {
        return InstantiationUtil.instantiate(eventClass);
    }

    /** Unlike the singletons of {@link HandWrittenSerializer}, one instance per rule: equal when the classes are. */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof CorrelationEventSerializer<?, ?> other
                && other.eventClass == eventClass
                && other.invocationClass == invocationClass;
    }

    @Override
    public int hashCode() {
        return eventClass.hashCode() * 31 + invocationClass.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<E> snapshotConfiguration() {
        return new Snapshot<>(eventClass, invocationClass);
    }

    /** Names the rule's classes; needed by Flink's contract, though no state holds this format. */
    public static final class Snapshot<I extends Invocation, E extends CorrelationEvent<I>>
            implements TypeSerializerSnapshot<E> {
        private Class<E> eventClass;
        private Class<I> invocationClass;

        public Snapshot() {}

        Snapshot(Class<E> eventClass, Class<I> invocationClass) {
            this.eventClass = eventClass;
            this.invocationClass = invocationClass;
        }

        @Override
        public int getCurrentVersion() {
            return 1;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(eventClass.getName());
            out.writeUTF(invocationClass.getName());
        }

        @Override
        @SuppressWarnings("unchecked")
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            try {
                eventClass = (Class<E>) Class.forName(in.readUTF(), false, classLoader);
                invocationClass = (Class<I>) Class.forName(in.readUTF(), false, classLoader);
            } catch (ClassNotFoundException e) {
                throw new IOException("the classes of a correlation rule's pattern events are gone", e);
            }
        }

        @Override
        public TypeSerializer<E> restoreSerializer() {
            return new CorrelationEventSerializer<>(eventClass, invocationClass);
        }

        @Override
        public TypeSerializerSchemaCompatibility<E> resolveSchemaCompatibility(TypeSerializerSnapshot<E> old) {
            return old instanceof Snapshot<?, ?> other
                            && other.eventClass == eventClass
                            && other.invocationClass == invocationClass
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
