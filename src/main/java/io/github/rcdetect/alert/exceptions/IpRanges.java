package io.github.rcdetect.alert.exceptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An {@code ip_range} value list: IPv4 addresses, CIDR blocks ({@code 10.0.0.0/8}) and dash ranges
 * ({@code 10.0.0.1-10.0.0.9}), as Kibana reads them. Parsed by hand, never by {@code InetAddress}, which would look
 * names up.
 */
final class IpRanges implements Entries.SerializablePredicate {
    private static final long serialVersionUID = 1L;

    /** Inclusive [from, to] pairs of IPv4 addresses as unsigned 32-bit numbers. */
    private final long[] ranges;

    private IpRanges(long[] ranges) {
        this.ranges = ranges;
    }

    /** @throws IllegalArgumentException naming the first value that is no IPv4 address, block or range */
    static IpRanges of(Set<String> values) {
        List<long[]> ranges = new ArrayList<>();
        for (String value : values) {
            int slash = value.indexOf('/');
            int dash = value.indexOf('-');
            if (slash > 0) {
                long base = ipv4(value.substring(0, slash), value);
                int bits = prefix(value.substring(slash + 1), value);
                long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
                ranges.add(new long[] {base & mask, (base & mask) | (~mask & 0xFFFFFFFFL)});
            } else if (dash > 0) {
                ranges.add(new long[] {ipv4(value.substring(0, dash), value), ipv4(value.substring(dash + 1), value)});
            } else {
                long ip = ipv4(value, value);
                ranges.add(new long[] {ip, ip});
            }
        }
        long[] flat = new long[ranges.size() * 2];
        for (int i = 0; i < ranges.size(); i++) {
            flat[2 * i] = ranges.get(i)[0];
            flat[2 * i + 1] = ranges.get(i)[1];
        }
        return new IpRanges(flat);
    }

    @Override
    public boolean test(String value) {
        long ip;
        try {
            ip = ipv4(value, value);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (int i = 0; i < ranges.length; i += 2) {
            if (ip >= ranges[i] && ip <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    private static long ipv4(String text, String value) {
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + value + "' is no IPv4 address, CIDR block or range");
        }
        long ip = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("'" + value + "' is no IPv4 address, CIDR block or range");
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new IllegalArgumentException("'" + value + "' is no IPv4 address, CIDR block or range");
            }
            ip = ip << 8 | octet;
        }
        return ip;
    }

    private static int prefix(String text, String value) {
        if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + value + "' is no IPv4 address, CIDR block or range");
        }
        int bits = Integer.parseInt(text);
        if (bits > 32) {
            throw new IllegalArgumentException("'" + value + "' is no IPv4 address, CIDR block or range");
        }
        return bits;
    }
}
