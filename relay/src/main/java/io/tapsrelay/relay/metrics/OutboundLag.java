package io.tapsrelay.relay.metrics;

import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.store.OriginState;
import java.util.Map;

/** How far a peer is behind on one group: events this relay could send it and it has not acknowledged. */
public final class OutboundLag {
    private OutboundLag() {}

    /**
     * The sum over origins of {@code contiguousSeq - deliveryCursor}, never negative per origin. Only
     * the contiguous run counts because the pump sends nothing beyond it.
     */
    public static long events(EventStore store, String peer, String group) {
        Map<String, Long> cursors = store.deliveryCursors(peer, group);
        long lag = 0;
        for (OriginState o : store.originStates(group)) {
            long cursor = cursors.getOrDefault(o.originServer(), 0L);
            lag += Math.max(0, o.contiguousSeq() - cursor);
        }
        return lag;
    }
}
