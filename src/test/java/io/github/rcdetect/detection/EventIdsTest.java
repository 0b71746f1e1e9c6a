package io.github.rcdetect.detection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void theSameFieldsAlwaysGiveTheSameId() {
        assertThat(EventIds.of("R1", "vm1", "1773136800000", "c1"))
                .isEqualTo(EventIds.of("R1", "vm1", "1773136800000", "c1"))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void anyDifferentFieldGivesADifferentId() {
        String id = EventIds.of("R1", "vm1", "1773136800000", "c1");
        assertThat(EventIds.of("R2", "vm1", "1773136800000", "c1")).isNotEqualTo(id);
        assertThat(EventIds.of("R1", "vm2", "1773136800000", "c1")).isNotEqualTo(id);
        assertThat(EventIds.of("R1", "vm1", "1773136800001", "c1")).isNotEqualTo(id);
        assertThat(EventIds.of("R1", "vm1", "1773136800000", "c2")).isNotEqualTo(id);
    }

    @Test
    void fieldBoundariesAndNullsCannotBeForged() {
        assertThat(EventIds.of("ab", "c")).isNotEqualTo(EventIds.of("a", "bc"));
        assertThat(EventIds.of("a;", "b")).isNotEqualTo(EventIds.of("a", ";b"));
        assertThat(EventIds.of((String) null)).isNotEqualTo(EventIds.of(""));
        assertThat(EventIds.of("1:x")).isNotEqualTo(EventIds.of("x"));
    }
}
