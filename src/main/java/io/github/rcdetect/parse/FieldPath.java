package io.github.rcdetect.parse;

/** A field a parser wants, by its dotted ECS (or raw Azure) path; implemented by each parser's field enum. */
public interface FieldPath {
    String path();

    int ordinal();
}
