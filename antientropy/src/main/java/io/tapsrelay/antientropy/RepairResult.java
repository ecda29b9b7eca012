package io.tapsrelay.antientropy;

import io.tapsrelay.frames.validate.Ids;
import java.util.Objects;

/**
 * What one repair of one group with one peer did.
 *
 * @param startedAtMillis when it started (unix ms)
 * @param peer the peer repaired with
 * @param group the group
 * @param trigger why it ran
 * @param pulled events newly stored here from the peer
 * @param pushed events offered to the peer that it did not refuse
 * @param divergent origin sequences found held by two different validly signed events (equivocation
 *     evidence, recorded by either side during this repair)
 * @param rounds checkpoint exchanges made (0 when the digests were equal at once)
 * @param bytesSent request bodies sent to the peer, in bytes
 * @param bytesReceived response bodies received from the peer, in bytes
 * @param durationMillis how long it took
 * @param error why it failed, or null
 * @param digestsEqual whether both digests were equal when it ended
 */
public record RepairResult(
        long startedAtMillis,
        String peer,
        String group,
        Trigger trigger,
        long pulled,
        long pushed,
        long divergent,
        int rounds,
        long bytesSent,
        long bytesReceived,
        long durationMillis,
        String error,
        boolean digestsEqual) {

    /** Why a repair ran. */
    public enum Trigger {
        /** The periodic comparison. */
        INTERVAL,
        /** A hole stayed open after events arrived on a stream. */
        HOLE,
        /** An operator asked (admin endpoint or command). */
        ADMIN;

        /** Lower-case name, as in JSON. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The result class used in metrics and tables. */
    public enum Outcome {
        /** The digests are equal. */
        OK,
        /** It could not finish, or the digests still differ for a reason other than equivocation. */
        FAILED,
        /** The digests differ only because an origin equivocated: nothing more can be repaired. */
        DIVERGED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RepairResult {
        if (!Ids.isServerId(peer)) {
            throw new IllegalArgumentException("peer is not a server id: " + peer);
        }
        if (!Ids.isGroupId(group)) {
            throw new IllegalArgumentException("group is not a group id: " + group);
        }
        Objects.requireNonNull(trigger, "trigger");
        if (pulled < 0 || pushed < 0 || divergent < 0 || rounds < 0 || bytesSent < 0 || bytesReceived < 0
                || durationMillis < 0) {
            throw new IllegalArgumentException("repair counts must not be negative");
        }
        if (error != null && digestsEqual) {
            throw new IllegalArgumentException("a failed repair cannot have equal digests");
        }
    }

    /** OK when the digests are equal; DIVERGED when only equivocation keeps them apart; else FAILED. */
    public Outcome outcome() {
        if (digestsEqual) {
            return Outcome.OK;
        }
        return error == null && divergent > 0 ? Outcome.DIVERGED : Outcome.FAILED;
    }

    /** Bytes sent plus bytes received. */
    public long bytes() {
        return bytesSent + bytesReceived;
    }
}
