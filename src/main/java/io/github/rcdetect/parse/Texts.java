package io.github.rcdetect.parse;

/** Small text helpers for error messages. */
final class Texts {
    private static final int MESSAGE_EXCERPT = 80;

    private Texts() {}

    /** A value short enough to quote in an error message. */
    static String clip(String text) {
        return text.length() <= MESSAGE_EXCERPT ? text : text.substring(0, MESSAGE_EXCERPT) + "...";
    }
}
