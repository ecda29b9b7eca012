package io.tapsrelay.relay.engine;

import io.tapsrelay.relay.store.StoredEvent;
import java.util.List;

/** Told when events became durable, so streams to other peers can forward them. */
@FunctionalInterface
public interface StoredListener {
    /**
     * Called on the store's completion thread; must not block.
     *
     * @param groupId the group the events belong to
     * @param events the newly stored events, in store order
     * @param fromPeer the peer they came from (never sent back to it), or null for local events
     */
    void onStored(String groupId, List<StoredEvent> events, String fromPeer);
}
