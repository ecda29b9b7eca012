package io.tapsrelay.relay.store;

import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.relay.store.internal.Args;
import java.util.Objects;

/**
 * What the event-id index says about a stored event id: where the event sits and what it holds.
 *
 * @param groupId the group the stored event belongs to
 * @param originServer the stored event's origin
 * @param originSeq the stored event's origin sequence
 * @param contentHash the stored event's content hash
 */
public record EventIdEntry(String groupId, String originServer, long originSeq, Sha256 contentHash) {

    public EventIdEntry {
        Args.group("groupId", groupId);
        Args.server("originServer", originServer);
        Args.seq("originSeq", originSeq);
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /** True when {@code event} has this entry's group, origin, sequence and content hash: a duplicate. */
    public boolean matches(StoredEvent event) {
        return originSeq == event.originSeq()
                && groupId.equals(event.groupId())
                && originServer.equals(event.originServer())
                && contentHash.equals(event.contentHash());
    }
}
