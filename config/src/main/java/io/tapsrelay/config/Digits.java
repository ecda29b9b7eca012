package io.tapsrelay.config;

/** Leading decimal digits of the human forms, parsed without overflow. */
final class Digits {
    private Digits() {}

    /** How many of the first characters of {@code s} are ASCII digits. */
    static int count(String s) {
        int n = 0;
        while (n < s.length() && s.charAt(n) >= '0' && s.charAt(n) <= '9') {
            n++;
        }
        return n;
    }

    /** The value of {@code s[0, end)} (all digits), or -1 when it does not fit a {@code long}. */
    static long value(String s, int end) {
        long v = 0;
        for (int i = 0; i < end; i++) {
            int d = s.charAt(i) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
