package io.tapsrelay.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration file, located by its key path.
 *
 * <p>{@link #toString()} renders one line, for example:
 *
 * <pre>
 * relay.yaml: federation.max_mesage_size: unknown key; did you mean 'max_message_size'?
 * relay.yaml: keepalive.interval: '30' is not a duration; expected a number with a unit such as 500ms, 30s, 5m, 2h or 30d
 * </pre>
 *
 * @param source the file name (or another name for where the text came from)
 * @param keyPath where in the file: {@code federation.max_message_size}, {@code peers[1].server_id};
 *     null for a problem of the whole file (such as a YAML syntax error)
 * @param value the offending value as written, or null when there is none to show (an unknown
 *     key, a missing value, a secret)
 * @param issue what is wrong, worded to follow the quoted value: {@code is not a duration}, or on
 *     its own when there is no value: {@code unknown key}
 * @param expected what would be right, worded to follow "expected", or null
 * @param suggestion a likely fix, such as {@code did you mean 'max_message_size'?}, or null
 */
public record ConfigProblem(String source, String keyPath, String value, String issue, String expected, String suggestion) {
    private static final int VALUE_SHOWN_MAX = 80;

    public ConfigProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(issue, "issue");
    }

    /** A problem whose issue is simply that the value is not valid. */
    public ConfigProblem(String source, String keyPath, String value, String expected, String suggestion) {
        this(source, keyPath, value, "is not valid", expected, suggestion);
    }

    /** The problem as one readable line. */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder(source).append(": ");
        if (keyPath != null) {
            line.append(keyPath).append(": ");
        }
        if (value != null) {
            line.append('\'').append(shown(value)).append("' ");
        }
        line.append(issue);
        if (expected != null) {
            line.append("; expected ").append(expected);
        }
        if (suggestion != null) {
            line.append("; ").append(suggestion);
        }
        return line.toString();
    }

    // Keeps the report one line per problem whatever was written in the file.
    private static String shown(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < VALUE_SHOWN_MAX; i++) {
            char c = value.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= VALUE_SHOWN_MAX) {
            out.setLength(VALUE_SHOWN_MAX);
            out.append("...");
        }
        return out.toString();
    }
}
