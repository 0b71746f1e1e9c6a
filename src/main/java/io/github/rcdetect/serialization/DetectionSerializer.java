package io.github.rcdetect.serialization;

import static io.github.rcdetect.serialization.Wire.readEnum;
import static io.github.rcdetect.serialization.Wire.readInteger;
import static io.github.rcdetect.serialization.Wire.readLong;
import static io.github.rcdetect.serialization.Wire.readString;
import static io.github.rcdetect.serialization.Wire.readStrings;
import static io.github.rcdetect.serialization.Wire.writeEnum;
import static io.github.rcdetect.serialization.Wire.writeInteger;
import static io.github.rcdetect.serialization.Wire.writeLength;
import static io.github.rcdetect.serialization.Wire.writeLong;
import static io.github.rcdetect.serialization.Wire.writePresence;
import static io.github.rcdetect.serialization.Wire.writeString;
import static io.github.rcdetect.serialization.Wire.writeStrings;

import io.github.rcdetect.detection.Correlation;
import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.detection.Suppression;
import io.github.rcdetect.domain.HostMatch;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.event.ProcessEvent;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * A {@link Detection} with the process, invocation records and suppression figures it holds, every public field in
 * declaration order ({@code DetectionSerializerTest} fails when a field is added to the model and not here).
 */
public final class DetectionSerializer extends HandWrittenSerializer<Detection> {
    private static final long serialVersionUID = 1L;

    public static final DetectionSerializer INSTANCE = new DetectionSerializer();

    private static final HostMatch[] HOST_MATCHES = HostMatch.values();
    private static final EventStream[] STREAMS = EventStream.values();

    private DetectionSerializer() {}

    @Override
    public Detection createInstance() {
        return new Detection();
    }

    @Override
    protected void write(Detection detection, DataOutputView out) throws IOException {
        writeString(detection.ruleId, out);
        writeString(detection.eventId, out);
        out.writeLong(detection.timestamp);
        writeString(detection.hostName, out);
        writeString(detection.cloudInstanceName, out);
        writeString(detection.resourceId, out);
        writeEnum(detection.hostMatch, out);
        if (writePresence(detection.process, out)) {
            writeProcess(detection.process, out);
        }
        if (writePresence(detection.correlation, out)) {
            writeCorrelation(detection.correlation, out);
        }
        if (writePresence(detection.suppression, out)) {
            writeSuppression(detection.suppression, out);
        }
    }

    @Override
    protected Detection read(DataInputView in) throws IOException {
        Detection detection = new Detection();
        detection.ruleId = readString(in);
        detection.eventId = readString(in);
        detection.timestamp = in.readLong();
        detection.hostName = readString(in);
        detection.cloudInstanceName = readString(in);
        detection.resourceId = readString(in);
        detection.hostMatch = readEnum(HOST_MATCHES, in);
        detection.process = in.readBoolean() ? readProcess(in) : null;
        detection.correlation = in.readBoolean() ? readCorrelation(in) : null;
        detection.suppression = in.readBoolean() ? readSuppression(in) : null;
        return detection;
    }

    static void writeProcess(ProcessEvent process, DataOutputView out) throws IOException {
        out.writeLong(process.timestamp);
        writeString(process.hostKey, out);
        writeString(process.hostName, out);
        writeString(process.cloudInstanceName, out);
        writeString(process.resourceId, out);
        writeEnum(process.hostMatch, out);
        writeString(process.eventAction, out);
        writeStrings(process.eventType, out);
        writeStrings(process.eventCategory, out);
        writeString(process.eventCode, out);
        writeString(process.eventId, out);
        writeString(process.name, out);
        writeLong(process.pid, out);
        writeString(process.entityId, out);
        writeString(process.executable, out);
        writeStrings(process.args, out);
        writeString(process.commandLine, out);
        writeString(process.parentName, out);
        writeLong(process.parentPid, out);
        writeString(process.parentEntityId, out);
        writeString(process.parentExecutable, out);
        writeStrings(process.parentArgs, out);
        writeString(process.parentCommandLine, out);
        writeOrigin(process.origin, out);
    }

    static ProcessEvent readProcess(DataInputView in) throws IOException {
        ProcessEvent process = new ProcessEvent();
        process.timestamp = in.readLong();
        process.hostKey = readString(in);
        process.hostName = readString(in);
        process.cloudInstanceName = readString(in);
        process.resourceId = readString(in);
        process.hostMatch = readEnum(HOST_MATCHES, in);
        process.eventAction = readString(in);
        process.eventType = readStrings(in);
        process.eventCategory = readStrings(in);
        process.eventCode = readString(in);
        process.eventId = readString(in);
        process.name = readString(in);
        process.pid = readLong(in);
        process.entityId = readString(in);
        process.executable = readString(in);
        process.args = readStrings(in);
        process.commandLine = readString(in);
        process.parentName = readString(in);
        process.parentPid = readLong(in);
        process.parentEntityId = readString(in);
        process.parentExecutable = readString(in);
        process.parentArgs = readStrings(in);
        process.parentCommandLine = readString(in);
        process.origin = readOrigin(in);
        return process;
    }

    static void writeActivity(ActivityEvent activity, DataOutputView out) throws IOException {
        out.writeLong(activity.timestamp);
        writeString(activity.action, out);
        writeString(activity.outcome, out);
        writeString(activity.hostKey, out);
        writeString(activity.machineName, out);
        writeString(activity.resourceId, out);
        writeString(activity.correlationId, out);
        writeString(activity.subscriptionId, out);
        writeString(activity.tenantId, out);
        writeString(activity.principalId, out);
        writeString(activity.userEmail, out);
        writeString(activity.sourceIp, out);
        writeLong(activity.sourceAsNumber, out);
        writeString(activity.sourceGeoCountryName, out);
        writeString(activity.eventId, out);
        writeOrigin(activity.origin, out);
    }

    static ActivityEvent readActivity(DataInputView in) throws IOException {
        ActivityEvent activity = new ActivityEvent();
        activity.timestamp = in.readLong();
        activity.action = readString(in);
        activity.outcome = readString(in);
        activity.hostKey = readString(in);
        activity.machineName = readString(in);
        activity.resourceId = readString(in);
        activity.correlationId = readString(in);
        activity.subscriptionId = readString(in);
        activity.tenantId = readString(in);
        activity.principalId = readString(in);
        activity.userEmail = readString(in);
        activity.sourceIp = readString(in);
        activity.sourceAsNumber = readLong(in);
        activity.sourceGeoCountryName = readString(in);
        activity.eventId = readString(in);
        activity.origin = readOrigin(in);
        return activity;
    }

    private static void writeOrigin(Origin origin, DataOutputView out) throws IOException {
        if (writePresence(origin, out)) {
            writeEnum(origin.stream, out);
            writeString(origin.file, out);
            writeLong(origin.line, out);
            writeString(origin.topic, out);
            writeInteger(origin.partition, out);
            writeLong(origin.offset, out);
            writeInteger(origin.recordIndex, out);
        }
    }

    private static Origin readOrigin(DataInputView in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        Origin origin = new Origin();
        origin.stream = readEnum(STREAMS, in);
        origin.file = readString(in);
        origin.line = readLong(in);
        origin.topic = readString(in);
        origin.partition = readInteger(in);
        origin.offset = readLong(in);
        origin.recordIndex = readInteger(in);
        return origin;
    }

    private static void writeCorrelation(Correlation correlation, DataOutputView out) throws IOException {
        writeString(correlation.correlationId, out);
        ActivityEvent[] records = correlation.records;
        if (writeLength(records == null ? -1 : records.length, out)) {
            for (ActivityEvent record : records) {
                if (writePresence(record, out)) {
                    writeActivity(record, out);
                }
            }
        }
        ProcessEvent[] processes = correlation.processes;
        if (writeLength(processes == null ? -1 : processes.length, out)) {
            for (ProcessEvent process : processes) {
                if (writePresence(process, out)) {
                    writeProcess(process, out);
                }
            }
        }
        out.writeInt(correlation.processCount);
        writeStrings(correlation.commandLines, out);
        out.writeLong(correlation.firstProcessAt);
    }

    private static Correlation readCorrelation(DataInputView in) throws IOException {
        Correlation correlation = new Correlation();
        correlation.correlationId = readString(in);
        int records = in.readInt();
        if (records >= 0) {
            correlation.records = new ActivityEvent[records];
            for (int i = 0; i < records; i++) {
                correlation.records[i] = in.readBoolean() ? readActivity(in) : null;
            }
        }
        int processes = in.readInt();
        if (processes >= 0) {
            correlation.processes = new ProcessEvent[processes];
            for (int i = 0; i < processes; i++) {
                correlation.processes[i] = in.readBoolean() ? readProcess(in) : null;
            }
        }
        correlation.processCount = in.readInt();
        correlation.commandLines = readStrings(in);
        correlation.firstProcessAt = in.readLong();
        return correlation;
    }

    private static void writeSuppression(Suppression suppression, DataOutputView out) throws IOException {
        writeStrings(suppression.fields, out);
        Suppression.SuppressionValues[] values = suppression.values;
        if (writeLength(values == null ? -1 : values.length, out)) {
            for (Suppression.SuppressionValues value : values) {
                if (writePresence(value, out)) {
                    writeStrings(value.values, out);
                }
            }
        }
        out.writeLong(suppression.start);
        out.writeLong(suppression.end);
        out.writeLong(suppression.docsCount);
    }

    private static Suppression readSuppression(DataInputView in) throws IOException {
        Suppression suppression = new Suppression();
        suppression.fields = readStrings(in);
        int values = in.readInt();
        if (values >= 0) {
            suppression.values = new Suppression.SuppressionValues[values];
            for (int i = 0; i < values; i++) {
                suppression.values[i] = in.readBoolean() ? Suppression.SuppressionValues.of(readStrings(in)) : null;
            }
        }
        suppression.start = in.readLong();
        suppression.end = in.readLong();
        suppression.docsCount = in.readLong();
        return suppression;
    }

    @Override
    public TypeSerializerSnapshot<Detection> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer; needed by Flink's contract, though no state holds this format. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Detection> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
