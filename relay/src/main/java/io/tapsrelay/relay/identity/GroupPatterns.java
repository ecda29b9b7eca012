package io.tapsrelay.relay.identity;

import io.tapsrelay.frames.validate.Ids;

/**
 * Group patterns as in HELLO's {@code supported_groups} and client token grants: {@code *}, an
 * exact group id, or a prefix ending in {@code *} such as {@code g!acme-*}.
 */
final class GroupPatterns {
    private static final String ALL = "*";
    private static final String GROUP_PREFIX = "g!";
    private static final int GROUP_NAME_MAX = 128;

    private GroupPatterns() {}

    /** True when {@code pattern} is one of the three forms. */
    static boolean isValid(String pattern) {
        if (pattern == null) {
            return false;
        }
        if (pattern.equals(ALL) || Ids.isGroupId(pattern)) {
            return true;
        }
        if (!pattern.endsWith(ALL) || !pattern.startsWith(GROUP_PREFIX)) {
            return false;
        }
        String name = pattern.substring(GROUP_PREFIX.length(), pattern.length() - 1);
        // The prefix may be empty ("g!*") but must leave room for at least one more character.
        return name.length() < GROUP_NAME_MAX && name.chars().allMatch(GroupPatterns::isGroupChar);
    }

    /** True when the valid {@code pattern} covers the group id {@code groupId}. */
    static boolean matches(String pattern, String groupId) {
        if (!Ids.isGroupId(groupId)) {
            return false;
        }
        if (pattern.equals(ALL)) {
            return true;
        }
        if (pattern.endsWith(ALL)) {
            return groupId.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(groupId);
    }

    private static boolean isGroupChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '~' || c == '-';
    }
}
