package io.tapsrelay.frames.validate;

import java.util.Optional;

/**
 * Semantic version strings (semver 2.0.0): {@code MAJOR.MINOR.PATCH}, numbers without leading
 * zeros, then an optional {@code -pre.release} and {@code +build}. HELLO's {@code version} uses it.
 */
public final class Semver {
    private Semver() {}

    /** True when {@code v} is a semver 2.0.0 version. */
    public static boolean isValid(String v) {
        return major(v).isPresent();
    }

    /**
     * The major number as written (e.g. {@code "1"} for {@code 1.0.0}), compared as text so that a
     * huge major cannot overflow; empty when {@code v} is not semver.
     */
    public static Optional<String> major(String v) {
        if (v == null) {
            return Optional.empty();
        }
        int plus = v.indexOf('+');
        String withoutBuild = plus < 0 ? v : v.substring(0, plus);
        if (plus >= 0 && !identifiers(v.substring(plus + 1), false)) {
            return Optional.empty();
        }
        int dash = withoutBuild.indexOf('-');
        String core = dash < 0 ? withoutBuild : withoutBuild.substring(0, dash);
        if (dash >= 0 && !identifiers(withoutBuild.substring(dash + 1), true)) {
            return Optional.empty();
        }
        String[] parts = core.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (!isNumber(part)) {
                return Optional.empty();
            }
        }
        return Optional.of(parts[0]);
    }

    /** Dot-separated non-empty identifiers of {@code 0-9 A-Z a-z -}; pre-release numbers without leading zeros. */
    private static boolean identifiers(String s, boolean preRelease) {
        for (String id : s.split("\\.", -1)) {
            if (id.isEmpty()) {
                return false;
            }
            boolean numeric = true;
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                boolean digit = c >= '0' && c <= '9';
                numeric &= digit;
                if (!(digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) {
                    return false;
                }
            }
            if (preRelease && numeric && !isNumber(id)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || (s.length() > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
