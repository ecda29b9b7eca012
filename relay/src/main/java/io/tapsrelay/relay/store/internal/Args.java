package io.tapsrelay.relay.store.internal;

import io.tapsrelay.frames.validate.Ids;

/**
 * Argument checks shared by the store's values and methods.
 *
 * <p>Keys are built by joining names with a 0x00 byte, so a name that breaks its §1 form (and could
 * hold a 0x00 or collide with another key) must never reach RocksDB.
 */
public final class Args {
    private Args() {}

    /** Returns {@code groupId} when it is a §1 group id; otherwise throws naming {@code what}. */
    public static String group(String what, String groupId) {
        if (!Ids.isGroupId(groupId)) {
            throw new IllegalArgumentException(what + ": not a group id: " + groupId);
        }
        return groupId;
    }

    /** Returns {@code serverId} when it is a §1 server id; otherwise throws naming {@code what}. */
    public static String server(String what, String serverId) {
        if (!Ids.isServerId(serverId)) {
            throw new IllegalArgumentException(what + ": not a server id: " + serverId);
        }
        return serverId;
    }

    /** Returns {@code seq} when it is at least 1; otherwise throws naming {@code what}. */
    public static long seq(String what, long seq) {
        if (seq < 1) {
            throw new IllegalArgumentException(what + ": must be >= 1, got " + seq);
        }
        return seq;
    }

    /** Returns {@code value} when it is at least 0; otherwise throws naming {@code what}. */
    public static long nonNegative(String what, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + ": must be >= 0, got " + value);
        }
        return value;
    }
}
