package io.tapsrelay.config;

import java.util.Collection;

/**
 * Group patterns as used in {@code supported_groups} and in the {@code groups} of peers and
 * clients: {@code *} (every group), an exact group id ({@code g!team-7}), or a group id prefix
 * ending in {@code *} ({@code g!acme-*}).
 *
 * <p>The rules are the protocol's, kept in {@link io.tapsrelay.frames.validate.GroupPatterns}; this
 * class adds what the configuration needs around them (the wording of errors) so that a pattern
 * accepted in a file is exactly one accepted in a HELLO.
 */
public final class GroupPatterns {
    /** The pattern that matches every group. */
    public static final String ANY = "*";

    /** What a valid pattern looks like, for error messages. */
    public static final String EXPECTED = "*, a group id such as g!team-7, or a prefix ending in * such as g!acme-*";

    private GroupPatterns() {}

    /** Whether {@code pattern} is one of the three pattern forms. */
    public static boolean isValid(String pattern) {
        return io.tapsrelay.frames.validate.GroupPatterns.isValidPattern(pattern);
    }

    /** Whether the valid {@code pattern} matches {@code groupId}; false for an invalid pattern or group id. */
    public static boolean matches(String pattern, String groupId) {
        return io.tapsrelay.frames.validate.Ids.isGroupId(groupId)
                && io.tapsrelay.frames.validate.GroupPatterns.matches(pattern, groupId);
    }

    /** Whether any of {@code patterns} matches {@code groupId}. */
    public static boolean matchesAny(Collection<String> patterns, String groupId) {
        for (String pattern : patterns) {
            if (matches(pattern, groupId)) {
                return true;
            }
        }
        return false;
    }
}
