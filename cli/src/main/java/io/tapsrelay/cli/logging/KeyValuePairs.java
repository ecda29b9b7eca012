package io.tapsrelay.cli.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a log message written as {@code key=value} pairs, the form the relay logs in:
 * {@code event=stream-open peer=127.0.0.1:8458 group=g!team reason="peer went away"}.
 *
 * <p>Keys are a letter or {@code _} followed by letters, digits, {@code _ . -}. A value runs to the
 * next space, or is double-quoted, with {@code \"} and {@code \\} escapes inside the quotes. Pairs
 * are separated by one or more spaces. Stateless and thread-safe.
 */
public final class KeyValuePairs {
    private KeyValuePairs() {}

    /**
     * The pairs of {@code message} in order, or empty when any part of it is not a pair (a free
     * text message is logged as it is, not half-split). A key given twice keeps its last value.
     */
    public static Optional<Map<String, String>> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        int i = skipSpaces(message, 0);
        if (i == message.length()) {
            return Optional.empty();
        }
        while (i < message.length()) {
            int keyEnd = keyEnd(message, i);
            if (keyEnd == i || keyEnd >= message.length() || message.charAt(keyEnd) != '=') {
                return Optional.empty();
            }
            String key = message.substring(i, keyEnd);
            int valueStart = keyEnd + 1;
            StringBuilder value = new StringBuilder();
            int next;
            if (valueStart < message.length() && message.charAt(valueStart) == '"') {
                next = quoted(message, valueStart + 1, value);
                if (next < 0) {
                    return Optional.empty();
                }
            } else {
                next = valueStart;
                while (next < message.length() && message.charAt(next) != ' ') {
                    value.append(message.charAt(next));
                    next++;
                }
            }
            if (next < message.length() && message.charAt(next) != ' ') {
                return Optional.empty();
            }
            pairs.put(key, value.toString());
            i = skipSpaces(message, next);
        }
        return Optional.of(pairs);
    }

    /** Reads a quoted value after its opening quote; the index after the closing quote, or -1. */
    private static int quoted(String s, int from, StringBuilder value) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < s.length()) {
                value.append(s.charAt(i + 1));
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        return -1;
    }

    private static int keyEnd(String s, int from) {
        int i = from;
        if (i < s.length() && isKeyStart(s.charAt(i))) {
            i++;
            while (i < s.length() && isKeyChar(s.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private static boolean isKeyStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
