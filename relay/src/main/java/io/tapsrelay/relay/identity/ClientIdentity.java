package io.tapsrelay.relay.identity;

import io.tapsrelay.frames.validate.GroupPatterns;

import java.util.List;

/**
 * A local client authenticated by its bearer token.
 *
 * @param name the client's configured name; the {@code origin} of the frames it posts
 * @param groups what it may post to: {@code *}, exact group ids, or prefixes ending in {@code *}
 */
public record ClientIdentity(String name, List<String> groups) {
    public ClientIdentity {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("client name must not be blank");
        }
        groups = List.copyOf(groups);
        for (String g : groups) {
            if (!GroupPatterns.isValidPattern(g)) {
                throw new IllegalArgumentException("client " + name + ": \"" + g
                        + "\" is not a group pattern (*, g!exact-id, or g!prefix*)");
            }
        }
    }

    /** True when one of this client's patterns covers {@code groupId}. */
    public boolean mayPost(String groupId) {
        for (String g : groups) {
            if (GroupPatterns.matches(g, groupId)) {
                return true;
            }
        }
        return false;
    }
}
