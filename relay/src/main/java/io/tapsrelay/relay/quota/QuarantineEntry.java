package io.tapsrelay.relay.quota;

import io.tapsrelay.frames.validate.Ids;
import java.util.Objects;

/**
 * One quarantined peer.
 *
 * @param serverId the peer
 * @param reason why, for operators: the automatic rule's count, or the operator's words
 * @param automatic true when the offence threshold put it there, false when an operator did
 * @param sinceMs unix milliseconds when it was quarantined
 */
public record QuarantineEntry(String serverId, String reason, boolean automatic, long sinceMs) {
    public QuarantineEntry {
        if (!Ids.isServerId(serverId)) {
            throw new IllegalArgumentException("not a server id: '" + serverId + "'");
        }
        Objects.requireNonNull(reason, "reason");
        if (sinceMs < 0) {
            throw new IllegalArgumentException("since must not be negative: " + sinceMs);
        }
    }
}
