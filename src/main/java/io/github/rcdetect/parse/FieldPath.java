package io.github.rcdetect.parse;

/** A field a parser wants, by its dotted ECS (or raw Azure) path; implemented by each parser's field enum. */
public interface FieldPath {
    String path();

    int ordinal();

    /**
     * Whether a parser for the detection may leave the field's text unread until the record turns out to be one a rule
     * can use: its type is still checked, so such a record is a dead letter exactly when it would be one otherwise.
     * False for the fields that decide whether a rule can use the record, and for those whose value (not only whether
     * it is there) steers which other fields are read or checked.
     */
    default boolean readLazily() {
        return false;
    }
}
