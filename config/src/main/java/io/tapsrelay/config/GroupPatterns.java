package io.tapsrelay.config;

import io.tapsrelay.frames.validate.Ids;
import java.util.Collection;

/**
 * Group patterns as used in {@code supported_groups} and in the {@code groups} of peers and
 * clients: {@code *} (every group), an exact group id ({@code g!team-7}), or a group id prefix
 * ending in {@code *} ({@code g!acme-*}).
 */
public final class GroupPatterns {
    /** The pattern that matches every group. */
    public static final String ANY = "*";

    /** What a valid pattern looks like, for error messages. */
    public static final String EXPECTED = "*, a group id such as g!team-7, or a prefix ending in * such as g!acme-*";

    private static final String GROUP_PREFIX = "g!";
    private static final int GROUP_NAME_MAX = 128;

    private GroupPatterns() {}

    /** Whether {@code pattern} is one of the three pattern forms. */
    public static boolean isValid(String pattern) {
        if (pattern == null) {
            return false;
        }
        if (pattern.equals(ANY) || Ids.isGroupId(pattern)) {
            return true;
        }
        if (!pattern.endsWith("*") || !pattern.startsWith(GROUP_PREFIX)) {
            return false;
        }
        // A prefix may be empty after "g!" (then it matches any group id) and is shorter than a
        // full group name, because at least one more character must follow it.
        int nameLength = pattern.length() - GROUP_PREFIX.length() - 1;
        if (nameLength >= GROUP_NAME_MAX) {
            return false;
        }
        for (int i = GROUP_PREFIX.length(); i < pattern.length() - 1; i++) {
            if (!isGroupChar(pattern.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code pattern} matches {@code groupId}. Both are assumed valid; an invalid group id
     * never matches.
     */
    public static boolean matches(String pattern, String groupId) {
        if (!Ids.isGroupId(groupId)) {
            return false;
        }
        if (pattern.equals(ANY)) {
            return true;
        }
        if (pattern.endsWith("*")) {
            return groupId.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(groupId);
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

    private static boolean isGroupChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '-';
    }
}
