package io.tapsrelay.frames.validate;

import java.util.Collection;

/**
 * {@code supported_groups} patterns (§3): {@code *} (every group), an exact group id, or a prefix
 * ending in {@code *} such as {@code g!acme-*} (every group id starting with {@code g!acme-}). A
 * prefix starts with {@code g!} and uses only group id characters.
 */
public final class GroupPatterns {
    private static final String GROUP_PREFIX = "g!";
    private static final int GROUP_NAME_MAX = 128;

    private GroupPatterns() {}

    /** True when {@code p} is one of the three pattern forms. */
    public static boolean isValidPattern(String p) {
        if (p == null) {
            return false;
        }
        if (p.equals("*") || Ids.isGroupId(p)) {
            return true;
        }
        if (!p.endsWith("*") || !p.startsWith(GROUP_PREFIX)) {
            return false;
        }
        int nameEnd = p.length() - 1;
        if (nameEnd - GROUP_PREFIX.length() > GROUP_NAME_MAX) {
            return false;
        }
        for (int i = GROUP_PREFIX.length(); i < nameEnd; i++) {
            char c = p.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '~' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** True when the valid {@code pattern} matches {@code groupId}; false for an invalid pattern. */
    public static boolean matches(String pattern, String groupId) {
        if (groupId == null || !isValidPattern(pattern)) {
            return false;
        }
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("*")) {
            return groupId.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(groupId);
    }

    /** True when any of {@code patterns} matches {@code groupId}. */
    public static boolean anyMatches(Collection<String> patterns, String groupId) {
        for (String pattern : patterns) {
            if (matches(pattern, groupId)) {
                return true;
            }
        }
        return false;
    }
}
