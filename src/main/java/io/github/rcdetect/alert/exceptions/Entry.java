package io.github.rcdetect.alert.exceptions;

import io.github.rcdetect.alert.fields.AlertFields;

import java.io.Serializable;

/**
 * One condition of an exception item, in Elastic's semantics (docs/spec.md, section 11): {@code included} holds when
 * some value of the field satisfies the test; {@code excluded} when none does, which a missing field also satisfies
 * (Elastic compiles it to a {@code must_not}). {@code exists} tests presence; {@code nested} holds when one object of
 * the field satisfies all its inner entries.
 */
public interface Entry extends Serializable {
    boolean holds(AlertFields alert);
}
