package io.github.rcdetect.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * What the Elastic Azure integration derives from a raw Activity Log record: names from resourceId, the user. Plain
 * loops rather than regular expressions: these strings are attacker-supplied and up to the string limit (1 MiB) long,
 * and the backtracking of {@code /+$} or {@code [^@\s]+\.[^@\s]+} made such a string cost minutes.
 */
final class AzureResources {
    private AzureResources() {}

    /** The VM name of a resourceId ({@code .../virtualMachines/NAME}), else its last segment. */
    static String resourceName(String resourceId) {
        List<String> segments = segments(resourceId);
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (segments.get(i).equalsIgnoreCase("virtualMachines")) {
                return segments.get(i + 1);
            }
        }
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }

    /** The subscription id of a resourceId ({@code /subscriptions/ID/...}), or null. */
    static String subscriptionId(String resourceId) {
        List<String> segments = segments(resourceId);
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (segments.get(i).equalsIgnoreCase("subscriptions")) {
                return segments.get(i + 1);
            }
        }
        return null;
    }

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

    /** The non-empty segments between slashes. */
    private static List<String> segments(String resourceId) {
        List<String> segments = new ArrayList<>();
        int start = 0;
        while (start <= resourceId.length()) {
            int slash = resourceId.indexOf('/', start);
            int end = slash < 0 ? resourceId.length() : slash;
            if (end > start) {
                segments.add(resourceId.substring(start, end));
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return segments;
    }
}
