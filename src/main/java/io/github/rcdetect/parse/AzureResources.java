package io.github.rcdetect.parse;

import java.util.regex.Pattern;

/** What the Elastic Azure integration derives from a raw Activity Log record: names from resourceId, the user. */
final class AzureResources {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AzureResources() {}

    /** The VM name of a resourceId ({@code .../virtualMachines/NAME}), else its last segment. */
    static String resourceName(String resourceId) {
        String[] segments = segments(resourceId);
        for (int i = 0; i + 1 < segments.length; i++) {
            if (segments[i].equalsIgnoreCase("virtualMachines")) {
                return segments[i + 1];
            }
        }
        return segments.length == 0 ? null : segments[segments.length - 1];
    }

    /** The subscription id of a resourceId ({@code /subscriptions/ID/...}), or null. */
    static String subscriptionId(String resourceId) {
        String[] segments = segments(resourceId);
        for (int i = 0; i + 1 < segments.length; i++) {
            if (segments[i].equalsIgnoreCase("subscriptions")) {
                return segments[i + 1];
            }
        }
        return null;
    }

    /** {@code user.email}: the name claim when it is an e-mail address, else the upn claim. */
    static String userEmail(String nameClaim, String upnClaim) {
        String name = nameClaim == null ? null : nameClaim.trim();
        if (name != null && EMAIL.matcher(name).matches()) {
            return name;
        }
        String upn = upnClaim == null ? null : upnClaim.trim();
        return upn == null || upn.isEmpty() ? null : upn;
    }

    private static String[] segments(String resourceId) {
        String trimmed = resourceId.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
