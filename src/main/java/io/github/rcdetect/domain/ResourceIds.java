package io.github.rcdetect.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What an Azure resource id ({@code /subscriptions/S/resourceGroups/G/providers/Microsoft.Compute/virtualMachines/VM})
 * names. Resource types compare case-insensitively, as Azure writes them in either case. Plain loops rather than
 * regular expressions: ids are attacker-supplied and may be as long as the string limit.
 */
public final class ResourceIds {
    private ResourceIds() {}

    /** The VM name of a resource id ({@code .../virtualMachines/NAME}), else its last segment; null for none. */
    public static String resourceName(String resourceId) {
        List<String> segments = segments(resourceId);
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (segments.get(i).equalsIgnoreCase("virtualMachines")) {
                return segments.get(i + 1);
            }
        }
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }

    /** The subscription id of a resource id ({@code /subscriptions/ID/...}), or null. */
    public static String subscriptionId(String resourceId) {
        List<String> segments = segments(resourceId);
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (segments.get(i).equalsIgnoreCase("subscriptions")) {
                return segments.get(i + 1);
            }
        }
        return null;
    }

    /** The non-empty segments between slashes. */
    static List<String> segments(String resourceId) {
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
