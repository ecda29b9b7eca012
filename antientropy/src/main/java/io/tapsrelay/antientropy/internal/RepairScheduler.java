package io.tapsrelay.antientropy.internal;

import io.tapsrelay.antientropy.RepairResult;
import io.tapsrelay.config.AntiEntropyConfig;
import io.tapsrelay.config.PeerConfig;
import io.tapsrelay.relay.store.EventStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The anti-entropy worker: compares and repairs every (configured peer, held group) pair the group
 * patterns allow, each every {@code antientropy.interval} plus a random delay of up to
 * {@code jitter}, through the {@link RepairRunner} (so at most {@code max_concurrent} at once).
 *
 * <p>A peer that cannot be reached is backed off from, exponentially from {@link #BACKOFF_BASE} up to
 * a cap of the interval clamped to 5 s … 5 min, with jitter; its pairs wait, other peers' pairs go
 * on. {@link #requestNow} makes a group's pairs due at once (a hole that stays open).
 *
 * <p>Threading: a short tick on the relay's timer decides what is due and hands it to the runner; a
 * pair's state changes on the tick and when its run completes, under the pair's lock.
 */
final class RepairScheduler implements AutoCloseable {
    static final Duration BACKOFF_BASE = Duration.ofSeconds(1);
    private static final long MIN_CAP_MS = 5_000;
    private static final long MAX_CAP_MS = 300_000;

    private final AntiEntropyConfig config;
    private final GroupAccess access;
    private final EventStore store;
    private final RepairRunner runner;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final RandomGenerator random;
    private final Map<String, PairState> pairs = new ConcurrentHashMap<>();
    private final Map<String, PeerState> peers = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> tick;
    private volatile boolean closed;

    RepairScheduler(AntiEntropyConfig config, GroupAccess access, EventStore store, RepairRunner runner,
            ScheduledExecutorService timer, Clock clock, RandomGenerator random) {
        this.config = config;
        this.access = access;
        this.store = store;
        this.runner = runner;
        this.timer = timer;
        this.clock = clock;
        this.random = random;
    }

    /** How often the worker looks for due pairs: a quarter of the interval, within 100 ms … 1 s. */
    long tickMillis() {
        return Math.max(100, Math.min(1_000, config.interval().toMillis() / 4));
    }

    void start() {
        long period = tickMillis();
        tick = timer.scheduleWithFixedDelay(this::tickSafely, period, period, TimeUnit.MILLISECONDS);
    }

    /** Makes every pair of {@code group} due now, whatever its interval; a running pair runs again after. */
    void requestNow(String group) {
        for (PeerConfig p : access.peersFor(group)) {
            state(p.serverId(), group).requestNow();
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // The timer cancels a task that throws: keep the worker alive and say why it stumbled.
            java.util.logging.Logger.getLogger(RepairScheduler.class.getName())
                    .log(java.util.logging.Level.WARNING, "event=repair-tick-failed", e);
        }
    }

    void tick() {
        if (closed) {
            return;
        }
        long now = clock.millis();
        for (String group : store.groups()) {
            for (PeerConfig p : access.peersFor(group)) {
                PeerState peer = peers.computeIfAbsent(p.serverId(), k -> new PeerState());
                if (peer.waiting(now)) {
                    continue;
                }
                PairState pair = state(p.serverId(), group);
                RepairResult.Trigger trigger = pair.claimIfDue(now);
                if (trigger != null) {
                    runner.submit(p.serverId(), group, trigger).whenComplete((ran, error) -> {
                        boolean unreachable = error == null && ran.unreachable();
                        long done = clock.millis();
                        if (unreachable) {
                            peer.failed(done, backoff(peer.failures() + 1));
                        } else {
                            peer.reachable();
                        }
                        pair.finished(unreachable ? done : done + config.interval().toMillis() + jitter());
                    });
                }
            }
        }
    }

    private PairState state(String peer, String group) {
        return pairs.computeIfAbsent(peer + " " + group, k -> new PairState(clock.millis() + jitter()));
    }

    /** The wait after {@code failures} failures in a row: doubling from the base, capped, plus up to a quarter more. */
    long backoff(int failures) {
        long cap = Math.max(MIN_CAP_MS, Math.min(MAX_CAP_MS, config.interval().toMillis()));
        long delay = Math.min(cap, BACKOFF_BASE.toMillis() << Math.min(failures - 1, 20));
        return delay + nextLong(delay / 4 + 1);
    }

    private long jitter() {
        return nextLong(config.jitter().toMillis() + 1);
    }

    private long nextLong(long bound) {
        synchronized (random) {
            return random.nextLong(bound);
        }
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> t = tick;
        if (t != null) {
            t.cancel(false);
        }
    }

    /** When one pair is due next, and whether it is running. */
    private static final class PairState {
        private long due;
        private boolean running;
        private boolean again;
        private RepairResult.Trigger trigger = RepairResult.Trigger.INTERVAL;

        PairState(long due) {
            this.due = due;
        }

        /** The trigger to run with, marking the pair running, or null when it is not due. */
        synchronized RepairResult.Trigger claimIfDue(long now) {
            if (running || now < due) {
                return null;
            }
            running = true;
            RepairResult.Trigger t = trigger;
            trigger = RepairResult.Trigger.INTERVAL;
            return t;
        }

        synchronized void requestNow() {
            trigger = RepairResult.Trigger.HOLE;
            if (running) {
                again = true;
            } else {
                due = 0;
            }
        }

        synchronized void finished(long nextDue) {
            running = false;
            due = again ? 0 : nextDue;
            again = false;
        }
    }

    /** Failures in a row of one peer and when it may be tried again. */
    private static final class PeerState {
        private int failures;
        private long retryAt;

        synchronized boolean waiting(long now) {
            return now < retryAt;
        }

        synchronized int failures() {
            return failures;
        }

        synchronized void failed(long now, long wait) {
            failures++;
            retryAt = now + wait;
        }

        synchronized void reachable() {
            failures = 0;
            retryAt = 0;
        }
    }
}
