package io.github.rcdetect.parse;

/**
 * The user the Elastic Azure integration derives from the claims of a raw Activity Log record. A plain loop rather
 * than a regular expression: claims are attacker-supplied and up to the string limit (1 MiB) long, and the
 * backtracking of {@code [^@\s]+\.[^@\s]+} made such a string cost minutes.
 */
final class CallerClaims {
    private CallerClaims() {}

    /** {@code user.email}: the name claim when it is an e-mail address, else the upn claim. */
    static String userEmail(String nameClaim, String upnClaim) {
        String name = nameClaim == null ? null : nameClaim.trim();
        if (name != null && isEmailAddress(name)) {
            return name;
        }
        String upn = upnClaim == null ? null : upnClaim.trim();
        return upn == null || upn.isEmpty() ? null : upn;
    }

    /**
     * {@code local@domain.tld}: one '@' with text before it, and after it a '.' with text on both sides; no
     * whitespace anywhere (the regex {@code [^@\s]+@[^@\s]+\.[^@\s]+}, without its backtracking).
     */
    static boolean isEmailAddress(String text) {
        int at = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isWhitespace(c) || (c == '@' && at >= 0)) {
                return false;
            }
            if (c == '@') {
                at = i;
            }
        }
        if (at <= 0) {
            return false;
        }
        int dot = text.indexOf('.', at + 2);
        return dot >= 0 && dot < text.length() - 1;
    }

    /** What {@code \s} matches in a Java regex: ASCII space, tab, LF, VT, FF, CR. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
