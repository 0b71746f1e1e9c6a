package io.github.rcdetect.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.testing.ModelFiller;
import io.github.rcdetect.testing.SerializerRoundTrips;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class DetectionSerializerTest {
    private static final DetectionSerializer SERIALIZER = DetectionSerializer.INSTANCE;

    /** Every public field of the model, at every depth, set by reflection: a field the format misses comes back unset. */
    @Test
    void everyFieldOfTheModelSurvivesTheRoundTrip() throws Exception {
        Detection full = ModelFiller.filled(Detection.class);

        Detection back = roundTrip(full);

        assertThat(back).usingRecursiveComparison().isEqualTo(full);
        assertThat(back.correlation.processes[0].commandLine).isEqualTo(full.correlation.processes[0].commandLine);
    }

    @Test
    void aDetectionWithNothingSetComesBackWithNothingSet() throws Exception {
        Detection empty = new Detection();

        assertThat(roundTrip(empty)).usingRecursiveComparison().isEqualTo(empty);
        assertThat(roundTrip(null)).isNull();
    }

    /** Strings longer than one modified-UTF-8 chunk take the long form; every UTF-16 unit is kept. */
    @Test
    void longStringsAndLoneSurrogatesAreKeptExactly() throws Exception {
        Detection detection = new Detection();
        detection.ruleId = "\ud800 lone high, \udc00 lone low, é, 中, \ud83d\ude00";
        detection.eventId = "x\u0000y".repeat(Wire.MAX_COMPACT_CHARS) + "\ud800";
        detection.hostName = "a".repeat(Wire.MAX_COMPACT_CHARS);

        Detection back = roundTrip(detection);

        assertThat(back.ruleId).isEqualTo(detection.ruleId);
        assertThat(back.eventId).isEqualTo(detection.eventId);
        assertThat(back.hostName).isEqualTo(detection.hostName);
    }

    /**
     * ASCII text goes as its bytes; a lone surrogate among ASCII has as many UTF-8 bytes as characters (the encoder
     * writes it as '?'), which must not pass for ASCII.
     */
    @Test
    void asciiTextAndLoneSurrogatesBetweenAsciiAreKeptExactly() throws Exception {
        Detection detection = new Detection();
        detection.ruleId = "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1";
        detection.eventId = "a?\ud800?b";
        detection.hostName = "";
        detection.cloudInstanceName = "\udc00";
        detection.resourceId = "x".repeat(3 * Wire.MAX_COMPACT_CHARS);

        Detection back = roundTrip(detection);

        assertThat(back.ruleId).isEqualTo(detection.ruleId);
        assertThat(back.eventId).isEqualTo(detection.eventId);
        assertThat(back.hostName).isEmpty();
        assertThat(back.cloudInstanceName).isEqualTo(detection.cloudInstanceName);
        assertThat(back.resourceId).isEqualTo(detection.resourceId);
    }

    @Test
    void aCopySharesNoMutableObjectWithTheOriginal() throws Exception {
        Detection original = ModelFiller.filled(Detection.class);

        Detection copy = SERIALIZER.copy(original);
        copy.process.args[0] = "changed";
        copy.correlation.processes[0].origin.line = -1L;
        copy.suppression.values[0].values[0] = "changed";

        Detection untouched = ModelFiller.filled(Detection.class);
        assertThat(original).usingRecursiveComparison().isEqualTo(untouched);
        assertThat(copy).usingRecursiveComparison().isNotEqualTo(untouched);
    }

    @Test
    void copyingSerializedBytesGivesTheSameBytes() throws Exception {
        Detection full = ModelFiller.filled(Detection.class);
        DataOutputSerializer first = new DataOutputSerializer(64);
        SERIALIZER.serialize(full, first);

        DataOutputSerializer second = new DataOutputSerializer(64);
        SERIALIZER.copy(new DataInputDeserializer(first.getCopyOfBuffer()), second);

        assertThat(second.getCopyOfBuffer()).isEqualTo(first.getCopyOfBuffer());
    }

    @Test
    void itsSnapshotRestoresTheSameSerializer() throws Exception {
        assertThat(SerializerRoundTrips.restoredSnapshot(SERIALIZER).restoreSerializer())
                .isEqualTo(SERIALIZER);
        assertThat(WireTypes.DETECTION.createSerializer(null)).isSameAs(SERIALIZER);
    }

    private static Detection roundTrip(Detection detection) throws Exception {
        return SerializerRoundTrips.roundTrip(SERIALIZER, detection);
    }
}
