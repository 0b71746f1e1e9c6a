package io.github.rcdetect.parse;

/** A field a parser wants, by its dotted ECS (or raw Azure) path; implemented by each parser's field enum. */
public interface FieldPath {
    String path();

    int ordinal();

    /** How the detection's parser reads the field before it knows whether a rule can use the record. */
    default Reading reading() {
        return Reading.ALWAYS;
    }

    /**
     * A field left unread is still type-checked, so a record is a dead letter exactly when it would be one if every
     * field were read.
     */
    enum Reading {
        /** Read: it decides whether a rule can use the record, or its value steers what else is read or checked. */
        ALWAYS,
        /** Its text is left unread; its shape (a scalar, an array of so many scalars, an object) is kept. */
        LAZILY,
        /** An integer: a JSON integer that fits a long is left unread; any other value is read, so it can be checked. */
        LAZILY_AS_INTEGER
    }
}
