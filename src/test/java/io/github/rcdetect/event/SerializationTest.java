package io.github.rcdetect.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.detection.Correlation;
import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.io.file.OutputLine;
import io.github.rcdetect.output.AlertDocument;
import io.github.rcdetect.rules.Rule;
import io.github.rcdetect.rules.registry.Rules;

import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every type that crosses an operator boundary or sits in state is a Flink POJO: no Kryo anywhere. */
class SerializationTest {

    @ParameterizedTest
    @ValueSource(
            classes = {
                Origin.class,
                ActivityEvent.class,
                ProcessEvent.class,
                DeadLetter.class,
                InputRecord.class,
                LateRecord.class,
                Detection.class,
                Correlation.class,
                AlertDocument.class,
                OutputLine.class
            })
    void serializesAsPojoWithoutKryo(Class<?> type) {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(type);
    }

    @Test
    void everyRulesStateSerializesAsPojoWithoutKryo() {
        for (Rule rule : Rules.ALL) {
            rule.stateTypes().forEach(PojoTestUtils::assertSerializedAsPojoWithoutKryo);
        }
        assertThat(Rules.ALL.stream().flatMap(rule -> rule.stateTypes().stream()))
                .as("R1's state classes")
                .contains(io.github.rcdetect.rules.r1.Invocation.class, io.github.rcdetect.rules.r1.HostEvent.class);
    }
}
