package io.tapsrelay.config;

import java.util.OptionalLong;

/**
 * A whole number followed by one unit from a fixed table, such as {@code 16KiB} or {@code 30s}:
 * the shared grammar of sizes and durations, parsed without overflow.
 */
final class UnitScale {
    private final String[] units;
    private final long[] factors;

    /** @param units unit names, largest first; {@code factors} how many base units each is */
    UnitScale(String[] units, long[] factors) {
        this.units = units.clone();
        this.factors = factors.clone();
    }

    /**
     * The amount in base units; empty when {@code text} is not digits followed by a known unit (or
     * by nothing, when {@code bareNumber} allows it), or when it overflows a {@code long}.
     */
    OptionalLong parse(String text, boolean bareNumber) {
        if (text == null) {
            return OptionalLong.empty();
        }
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        long amount = digits == 0 ? -1 : value(text, digits);
        if (amount < 0) {
            return OptionalLong.empty();
        }
        String unit = text.substring(digits);
        if (unit.isEmpty()) {
            return bareNumber ? OptionalLong.of(amount) : OptionalLong.empty();
        }
        for (int i = 0; i < units.length; i++) {
            if (units[i].equals(unit)) {
                try {
                    return OptionalLong.of(Math.multiplyExact(amount, factors[i]));
                } catch (ArithmeticException tooLarge) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    /**
     * {@code amount} with the largest of the first {@code unitCount} units that divides it exactly,
     * or null when none does (or {@code amount} is 0).
     */
    String formatExact(long amount, int unitCount) {
        if (amount > 0) {
            for (int i = 0; i < unitCount; i++) {
                if (amount % factors[i] == 0) {
                    return (amount / factors[i]) + units[i];
                }
            }
        }
        return null;
    }

    int unitCount() {
        return units.length;
    }

    /** The value of {@code s[0, end)} (all digits), or -1 when it does not fit a {@code long}. */
    private static long value(String s, int end) {
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
