package io.github.rcdetect.io.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class OutputLineSerializerTest {

    @Test
    void aLineComesBackWithItsSortKeyAndTextExactly() throws Exception {
        OutputLine line = new OutputLine(
                "00000000001773136800000|R2|vm-1|\ud800", "{\"x\":\"é中\ud83d\ude00\"}" + "y".repeat(70_000));

        OutputLine back = roundTrip(line);

        assertThat(back.sortKey).isEqualTo(line.sortKey);
        assertThat(back.json).isEqualTo(line.json);
    }

    @Test
    void missingPartsStayMissing() throws Exception {
        OutputLine back = roundTrip(new OutputLine());

        assertThat(back.sortKey).isNull();
        assertThat(back.json).isNull();
        assertThat(roundTrip(null)).isNull();
    }

    private static OutputLine roundTrip(OutputLine line) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        OutputLineSerializer.INSTANCE.serialize(line, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        OutputLine back = OutputLineSerializer.INSTANCE.deserialize(in);
        assertThat(in.available()).isZero();
        return back;
    }
}
