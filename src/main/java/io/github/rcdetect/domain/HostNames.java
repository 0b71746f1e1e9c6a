package io.github.rcdetect.domain;

import java.util.Locale;

/** How an endpoint's host name names the guest (docs/spec.md, section 9). */
public final class HostNames {
    private HostNames() {}

    /**
     * The guest's name: the host name lower-cased, without a domain suffix (its first DNS label): Sysmon through the
     * Windows integration, and Elastic Defend with the agent's FQDN option, report {@code win-web-01.corp.contoso.com}
     * for the guest {@code WIN-WEB-01}. An IPv4 address stays whole; its first label names nothing.
     */
    public static String guestName(String hostName) {
        if (hostName == null || hostName.isBlank()) {
            return null;
        }
        String lower = hostName.toLowerCase(Locale.ROOT);
        int dot = lower.indexOf('.');
        if (dot <= 0 || isIpv4(lower)) {
            return lower;
        }
        return lower.substring(0, dot);
    }

    private static boolean isIpv4(String text) {
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3;
    }
}
