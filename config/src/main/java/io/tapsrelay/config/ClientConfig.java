package io.tapsrelay.config;

import java.util.List;
import java.util.Objects;

/**
 * A local client allowed to post events to {@code /send} with a bearer token. The token itself is
 * never stored: only the lower-case hex SHA-256 of its UTF-8 bytes.
 *
 * @param name the client's name, used as the frame origin of its requests: 1–64 characters of
 *     {@code A-Z a-z 0-9 . _ -}
 * @param tokenSha256 64 lower-case hex digits
 * @param groups group patterns the client may post to; default {@code ["*"]}
 */
public record ClientConfig(String name, String tokenSha256, List<String> groups) {
    private static final int NAME_MAX = 64;
    private static final int SHA256_HEX_LENGTH = 64;

    public ClientConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tokenSha256, "tokenSha256");
        if (!isName(name)) {
            throw new IllegalArgumentException("client name is not 1-64 of A-Z a-z 0-9 . _ -: '" + name + "'");
        }
        if (!isSha256Hex(tokenSha256)) {
            throw new IllegalArgumentException("client " + name + " token_sha256 is not 64 lower-case hex digits");
        }
        groups = Checks.groupPatterns("client groups", groups);
    }

    /** Whether {@code s} is a valid client name. */
    public static boolean isName(String s) {
        if (s == null || s.isEmpty() || s.length() > NAME_MAX) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} is 64 lower-case hex digits. */
    public static boolean isSha256Hex(String s) {
        if (s == null || s.length() != SHA256_HEX_LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
