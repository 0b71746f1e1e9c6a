package io.github.rcdetect.alert.exceptions;

/**
 * Elastic's {@code wildcard} pattern (a Lucene wildcard query): {@code *} any run of characters, {@code ?} exactly one,
 * {@code \} makes the next character literal; case-sensitive, matching the whole value. A greedy match with one
 * back-off point, so a hostile pattern or value costs at most their lengths multiplied, never exponential time.
 */
final class Wildcard implements Entries.SerializablePredicate {
    private static final long serialVersionUID = 1L;
    private static final char ANY = '\uE000';
    private static final char ONE = '\uE001';

    /** The pattern with its unescaped {@code *} and {@code ?} as private-use marks, its escapes resolved. */
    private final String pattern;

    Wildcard(String pattern) {
        StringBuilder compiled = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                compiled.append(pattern.charAt(++i));
            } else if (c == '*') {
                compiled.append(ANY);
            } else if (c == '?') {
                compiled.append(ONE);
            } else {
                compiled.append(c);
            }
        }
        this.pattern = compiled.toString();
    }

    @Override
    public boolean test(String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int starValue = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == ONE || pattern.charAt(p) == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == ANY) {
                star = p++;
                starValue = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++starValue;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == ANY) {
            p++;
        }
        return p == pattern.length();
    }
}
