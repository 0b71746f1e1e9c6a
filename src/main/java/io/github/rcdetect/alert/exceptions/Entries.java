package io.github.rcdetect.alert.exceptions;

import io.github.rcdetect.alert.fields.AlertFields;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The entry types of Kibana's exception items. */
final class Entries {
    private Entries() {}

    /** A value test on a field: {@code match}, {@code match_any}, {@code wildcard}, {@code list}. */
    record ValueTest(String field, boolean excluded, SerializablePredicate test) implements Entry {
        @Override
        public boolean holds(AlertFields alert) {
            boolean any = false;
            for (String value : alert.values(field)) {
                if (test.test(value)) {
                    any = true;
                    break;
                }
            }
            return any != excluded;
        }
    }

    /** {@code exists}: the field has a value ({@code excluded}: it has none). */
    record Exists(String field, boolean excluded) implements Entry {
        @Override
        public boolean holds(AlertFields alert) {
            return alert.exists(field) != excluded;
        }
    }

    /** {@code nested}: some object of the field satisfies all inner entries, whose fields are relative to it. */
    record Nested(String field, List<Entry> entries) implements Entry {
        @Override
        public boolean holds(AlertFields alert) {
            for (AlertFields object : alert.objects(field)) {
                if (entries.stream().allMatch(entry -> entry.holds(object))) {
                    return true;
                }
            }
            return false;
        }
    }

    interface SerializablePredicate extends Predicate<String>, java.io.Serializable {}

    static SerializablePredicate equalTo(String expected) {
        return expected::equals;
    }

    static SerializablePredicate oneOf(Set<String> values) {
        return values::contains;
    }
}
