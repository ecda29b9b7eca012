package io.tapsrelay.relay.store.internal;

import io.tapsrelay.relay.store.OriginState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The committed {@link OriginState} of every (group, origin), in memory, so digests never touch disk.
 *
 * <p>Only the writer publishes, and only after the write that made a state true has committed, so a
 * reader never sees a state the disk does not hold. Readers run lock-free on sorted concurrent maps;
 * each state is immutable, so a reader sees each origin whole, though a commit touching several
 * origins may be seen half published.
 */
public final class OriginStateCache {
    private final ConcurrentSkipListMap<String, ConcurrentSkipListMap<String, OriginState>> byGroup =
            new ConcurrentSkipListMap<>();

    /** The committed state of (group, origin), or null when none. */
    public OriginState get(String groupId, String originServer) {
        Map<String, OriginState> origins = byGroup.get(groupId);
        return origins == null ? null : origins.get(originServer);
    }

    /** Committed states of the group's origins, sorted by origin. */
    public List<OriginState> states(String groupId) {
        Map<String, OriginState> origins = byGroup.get(groupId);
        return origins == null ? List.of() : List.copyOf(origins.values());
    }

    /** Groups with at least one origin, sorted. */
    public List<String> groups() {
        return new ArrayList<>(byGroup.keySet());
    }

    /** Number of groups. */
    public int groupCount() {
        return byGroup.size();
    }

    /** Events held over every origin. */
    public long totalEvents() {
        long total = 0;
        for (Map<String, OriginState> origins : byGroup.values()) {
            for (OriginState state : origins.values()) {
                total += state.count();
            }
        }
        return total;
    }

    /** Makes {@code state} the committed state of its origin. Writer thread (and open) only. */
    public void publish(OriginState state) {
        byGroup.computeIfAbsent(state.groupId(), g -> new ConcurrentSkipListMap<>())
                .put(state.originServer(), state);
    }
}
