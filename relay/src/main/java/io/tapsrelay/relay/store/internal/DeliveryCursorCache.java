package io.tapsrelay.relay.store.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every peer's delivery cursors, in memory: origin → highest origin sequence the peer acknowledged,
 * per (peer, group). Saving updates this cache at once and queues the origins for the writer, which
 * writes whatever the cache holds when it commits; so a late write never carries an older value.
 */
public final class DeliveryCursorCache {
    private record PeerGroup(String peer, String groupId) {}

    private final Map<PeerGroup, Map<String, Long>> cursors = new ConcurrentHashMap<>();

    /** A sorted copy of the peer's cursors in the group. */
    public Map<String, Long> snapshot(String peer, String groupId) {
        Map<String, Long> current = cursors.get(new PeerGroup(peer, groupId));
        return current == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(current));
    }

    /**
     * Moves the peer's cursors forward; a value at or below the current one changes nothing.
     *
     * @return the origins whose cursor moved
     */
    public Set<String> advance(String peer, String groupId, Map<String, Long> acknowledged) {
        Map<String, Long> current = cursors.computeIfAbsent(new PeerGroup(peer, groupId), k -> new ConcurrentHashMap<>());
        Set<String> moved = new TreeSet<>();
        for (Map.Entry<String, Long> e : acknowledged.entrySet()) {
            long value = e.getValue();
            Long before = current.get(e.getKey());
            // merge() makes concurrent savers agree on the maximum.
            long after = current.merge(e.getKey(), value, Math::max);
            if (before == null || after > before) {
                moved.add(e.getKey());
            }
        }
        return moved;
    }

    /** The current cursor of one origin, or -1 when none. */
    public long current(String peer, String groupId, String originServer) {
        Map<String, Long> current = cursors.get(new PeerGroup(peer, groupId));
        Long value = current == null ? null : current.get(originServer);
        return value == null ? -1 : value;
    }

    /** Loads one stored cursor at open. */
    public void load(String peer, String groupId, String originServer, long value) {
        advance(peer, groupId, Map.of(originServer, value));
    }
}
