package io.tapsrelay.config.internal;

/**
 * The outcome of reading one scalar: a value, or what is wrong with the text. Failures are values,
 * not exceptions, so the walk can go on and report every problem of the file.
 *
 * @param value the value, or null on failure
 * @param issue on failure, what is wrong (worded to follow the quoted value)
 * @param expected on failure, what would be right; null to use the kind's own
 * @param suggestion on failure, a likely fix, or null
 */
public record Parsed<T>(T value, String issue, String expected, String suggestion) {
    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(value, null, null, null);
    }

    public static <T> Parsed<T> bad(String issue) {
        return new Parsed<>(null, issue, null, null);
    }

    public static <T> Parsed<T> bad(String issue, String suggestion) {
        return new Parsed<>(null, issue, null, suggestion);
    }

    public static <T> Parsed<T> bad(String issue, String expected, String suggestion) {
        return new Parsed<>(null, issue, expected, suggestion);
    }

    public boolean isOk() {
        return issue == null;
    }
}
