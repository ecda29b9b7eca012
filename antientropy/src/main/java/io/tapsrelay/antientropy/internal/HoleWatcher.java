package io.tapsrelay.antientropy.internal;

import io.tapsrelay.relay.engine.StoredListener;
import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.store.OriginState;
import io.tapsrelay.relay.store.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Notices holes left by events arriving from peers: after a store, an origin whose {@code max_seq} is
 * above its {@code contiguous_seq}. Streams deliver each origin in order, so a hole is usually filled
 * within moments; one still open after {@code delay} asks for a repair of the group with every peer,
 * at most once per {@code cooldown} per group so a hole nobody can fill does not repair in a loop.
 *
 * <p>Threading: {@link #onStored} runs on the store's writer thread and only reads in-memory origin
 * state and schedules a check on the timer.
 */
final class HoleWatcher implements StoredListener {
    private final EventStore store;
    private final ScheduledExecutorService timer;
    private final Duration delay;
    private final Duration cooldown;
    private final Consumer<String> repairGroup;
    private final Clock clock;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastAsked = new ConcurrentHashMap<>();

    HoleWatcher(EventStore store, ScheduledExecutorService timer, Duration delay, Duration cooldown,
            Consumer<String> repairGroup, Clock clock) {
        this.store = store;
        this.timer = timer;
        this.delay = delay;
        this.cooldown = cooldown;
        this.repairGroup = repairGroup;
        this.clock = clock;
    }

    @Override
    public void onStored(String groupId, List<StoredEvent> events, String fromPeer) {
        if (fromPeer == null || pending.contains(groupId)) {
            return;
        }
        for (String origin : events.stream().map(StoredEvent::originServer).distinct().toList()) {
            OriginState s = store.originState(groupId, origin);
            if (s.maxSeq() > s.contiguousSeq() && pending.add(groupId)) {
                try {
                    timer.schedule(() -> check(groupId), delay.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    pending.remove(groupId);
                }
                return;
            }
        }
    }

    private void check(String group) {
        pending.remove(group);
        boolean hole = store.originStates(group).stream().anyMatch(s -> s.maxSeq() > s.contiguousSeq());
        long now = clock.millis();
        Long last = lastAsked.get(group);
        if (hole && (last == null || now - last >= cooldown.toMillis())) {
            lastAsked.put(group, now);
            repairGroup.accept(group);
        }
    }
}
