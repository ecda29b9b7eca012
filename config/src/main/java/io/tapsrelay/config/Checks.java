package io.tapsrelay.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Invariant checks shared by the records' compact constructors. */
final class Checks {
    private Checks() {}

    static Duration positive(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be greater than zero: " + d);
        }
        return d;
    }

    static Duration notNegative(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + d);
        }
        return d;
    }

    /** An unmodifiable copy of a non-empty list of valid group patterns. */
    static List<String> groupPatterns(String what, List<String> patterns) {
        List<String> copy = List.copyOf(patterns);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (String p : copy) {
            if (!GroupPatterns.isValid(p)) {
                throw new IllegalArgumentException(what + " entry is not a group pattern: '" + p + "'");
            }
        }
        return copy;
    }
}
