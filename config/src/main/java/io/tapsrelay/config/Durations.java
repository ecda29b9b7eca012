package io.tapsrelay.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Durations in the configuration's human form: a whole number and one unit, {@code ms}, {@code s},
 * {@code m}, {@code h} or {@code d} ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code
 * 30d}). A bare number is not a duration: its unit would be a guess.
 */
public final class Durations {
    /** What a valid duration looks like, for error messages. */
    public static final String EXPECTED = "a number with a unit such as 500ms, 30s, 5m, 2h or 30d";

    // Largest first, so format() picks the largest unit that divides exactly.
    private static final UnitScale SCALE = new UnitScale(new String[] {"d", "h", "m", "s", "ms"},
            new long[] {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L});

    private Durations() {}

    /** Parses the human form; empty when {@code text} is not one, or overflows. */
    public static Optional<Duration> tryParse(String text) {
        java.util.OptionalLong millis = SCALE.parse(text, false);
        return millis.isPresent() ? Optional.of(Duration.ofMillis(millis.getAsLong())) : Optional.empty();
    }

    /**
     * Parses the human form.
     *
     * @throws IllegalArgumentException when {@code text} is not a duration
     */
    public static Duration parse(String text) {
        return tryParse(text)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a duration; expected " + EXPECTED));
    }

    /**
     * The human form with the largest unit that represents {@code d} exactly; {@link #parse} gives
     * back an equal duration.
     *
     * @throws IllegalArgumentException when {@code d} is negative or not a whole number of
     *     milliseconds
     */
    public static String format(Duration d) {
        if (d.isNegative() || d.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("not a whole, non-negative number of milliseconds: " + d);
        }
        long millis = d.toMillis();
        if (millis == 0) {
            return "0s";
        }
        return SCALE.formatExact(millis, SCALE.unitCount());
    }
}
