package io.github.rcdetect.parse;

import java.math.BigDecimal;

/** Small text helpers for field values and error messages. */
final class Texts {
    private static final int MESSAGE_EXCERPT = 80;
    /** Longest plain rendering of a number; {@code 1e999999999} would be a billion digits. */
    private static final int MAX_PLAIN_NUMBER = 64;

    private Texts() {}

    /** A value short enough to quote in an error message. */
    static String clip(String text) {
        return text.length() <= MESSAGE_EXCERPT ? text : text.substring(0, MESSAGE_EXCERPT) + "...";
    }

    /**
     * A JSON fraction as text: plain ({@code 1700000000000}, {@code 6.5}) when that is short, else in scientific
     * notation, whose length is bounded by the digits the record really holds.
     */
    static String number(BigDecimal number) {
        int digits = number.precision();
        int scale = number.scale();
        long plainLength = scale <= 0 ? (long) digits - scale : Math.max(digits, (long) scale + 1) + 1;
        return plainLength <= MAX_PLAIN_NUMBER ? number.toPlainString() : number.toString();
    }
}
