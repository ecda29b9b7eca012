package io.tapsrelay.relay.quota;

import io.tapsrelay.relay.stream.SessionRegistry;
import io.tapsrelay.relay.stream.StreamSession;

/**
 * {@code limits.max_streams_per_peer}: whether a peer may open one more stream. A stream for a
 * group the peer already streams replaces the old one (§5), so it never counts as one more.
 * Two opens racing may both pass; the limit bounds a flood, not an exact count.
 */
public final class StreamLimit {
    private final SessionRegistry registry;
    private final int maxStreamsPerPeer;

    public StreamLimit(SessionRegistry registry, int maxStreamsPerPeer) {
        if (maxStreamsPerPeer < 1) {
            throw new IllegalArgumentException("max streams per peer must be at least 1: " + maxStreamsPerPeer);
        }
        this.registry = registry;
        this.maxStreamsPerPeer = maxStreamsPerPeer;
    }

    /** True when {@code peer} may open a stream for {@code group} now. */
    public boolean admits(String peer, String group) {
        int others = 0;
        for (StreamSession s : registry.sessions()) {
            if (s.peer().equals(peer) && !s.group().equals(group)) {
                others++;
            }
        }
        return others < maxStreamsPerPeer;
    }

    public int max() {
        return maxStreamsPerPeer;
    }
}
