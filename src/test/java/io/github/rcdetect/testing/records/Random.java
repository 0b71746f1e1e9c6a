package io.github.rcdetect.testing.records;

import java.util.SplittableRandom;

/** Identifiers drawn from a seeded generator, in the forms real records carry them. */
public final class Random {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Random() {}

    public static String hex(SplittableRandom random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = HEX[random.nextInt(16)];
        }
        return new String(chars);
    }

    public static String uuid(SplittableRandom random) {
        return hex(random, 8) + "-" + hex(random, 4) + "-4" + hex(random, 3) + "-a" + hex(random, 3) + "-"
                + hex(random, 12);
    }
}
