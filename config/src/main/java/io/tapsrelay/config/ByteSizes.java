package io.tapsrelay.config;

import java.util.Optional;

/**
 * Sizes in bytes: a plain byte count ({@code 16384}) or a whole number with an IEC unit, {@code
 * B}, {@code KiB}, {@code MiB} or {@code GiB} ({@code 512B}, {@code 16KiB}, {@code 4MiB}, {@code
 * 1GiB}). Decimal units ({@code KB}, {@code MB}, {@code GB}) are rejected rather than guessed at,
 * because operators mean 1000 by them as often as 1024.
 */
public final class ByteSizes {
    /** What a valid size looks like, for error messages. */
    public static final String EXPECTED =
            "a byte count or a number with an IEC unit (B, KiB, MiB, GiB) such as 16384, 512B, 16KiB or 4MiB";

    // Largest first, so format() picks the largest unit that divides exactly.
    private static final UnitScale SCALE =
            new UnitScale(new String[] {"GiB", "MiB", "KiB", "B"}, new long[] {1L << 30, 1L << 20, 1L << 10, 1L});

    private ByteSizes() {}

    /** Parses a size; empty when {@code text} is not one, or overflows a {@code long}. */
    public static Optional<Long> tryParse(String text) {
        java.util.OptionalLong bytes = SCALE.parse(text, true);
        return bytes.isPresent() ? Optional.of(bytes.getAsLong()) : Optional.empty();
    }

    /**
     * Parses a size.
     *
     * @throws IllegalArgumentException when {@code text} is not a size
     */
    public static long parse(String text) {
        return tryParse(text)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a size; expected " + EXPECTED));
    }

    /**
     * The shortest exact form: the largest of GiB, MiB, KiB that divides {@code bytes}, otherwise
     * the plain count. {@link #parse} gives back the same number.
     *
     * @throws IllegalArgumentException when {@code bytes} is negative
     */
    public static String format(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size: " + bytes);
        }
        // Whole KiB, MiB or GiB when exact; "B" adds nothing over the plain count.
        String exact = SCALE.formatExact(bytes, SCALE.unitCount() - 1);
        if (exact != null) {
            return exact;
        }
        return Long.toString(bytes);
    }
}
