package io.tapsrelay.antientropy.internal;

import io.tapsrelay.antientropy.RepairResult;
import io.tapsrelay.config.PeerConfig;
import io.tapsrelay.frames.validate.Ids;
import io.tapsrelay.relay.store.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Runs repairs on a pool of {@code antientropy.max_concurrent} threads, so no more run at once
 * whoever asks (the worker or an operator); the rest wait in line. Every result is kept in the
 * history and counted in the metrics. Thread-safe.
 */
public final class RepairRunner implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RepairRunner.class.getName());

    private final RepairSession session;
    private final GroupAccess access;
    private final EventStore store;
    private final RepairHistory history;
    private final RepairMetrics metrics;
    private final ExecutorService pool;

    RepairRunner(RepairSession session, GroupAccess access, EventStore store, RepairHistory history,
            RepairMetrics metrics, int maxConcurrent) {
        this.session = session;
        this.access = access;
        this.store = store;
        this.history = history;
        this.metrics = metrics;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(maxConcurrent, r -> {
            Thread t = new Thread(r, "taps-repair-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Repairs {@code group} with the configured peer {@code peer}, when a pool thread is free. */
    CompletableFuture<RepairSession.Ran> submit(String peer, String group, RepairResult.Trigger trigger) {
        return CompletableFuture.supplyAsync(() -> {
            Optional<PeerConfig> p = access.peer(peer);
            RepairSession.Ran ran = p.isPresent()
                    ? session.run(peer, p.get().uri(), group, trigger)
                    : new RepairSession.Ran(new RepairResult(System.currentTimeMillis(), peer, group, trigger, 0, 0, 0, 0,
                            0, 0, 0, peer + " is not a configured peer", false), false);
            record(ran.result());
            return ran;
        }, pool);
    }

    /**
     * Repairs every (configured peer, group) pair that matches: {@code group} or every group held,
     * {@code peer} or every configured peer, each pair one the peer's and this relay's group patterns
     * allow. Completes with every result, in pair order.
     *
     * @throws IllegalArgumentException when {@code group} or {@code peer} is malformed, the peer is
     *     not configured, or this relay does not serve the group
     */
    public CompletableFuture<List<RepairResult>> runAll(String group, String peer, RepairResult.Trigger trigger) {
        if (group != null && !Ids.isGroupId(group)) {
            throw new IllegalArgumentException("group '" + group + "' is not a group id");
        }
        if (peer != null && !Ids.isServerId(peer)) {
            throw new IllegalArgumentException("peer '" + peer + "' is not a server id");
        }
        if (peer != null && access.peer(peer).isEmpty()) {
            throw new IllegalArgumentException("peer " + peer + " is not configured, or is blocked or quarantined");
        }
        if (group != null && !access.serves(group)) {
            throw new IllegalArgumentException("this relay does not serve " + group + " (supported_groups)");
        }
        List<String> groups = group != null ? List.of(group) : store.groups();
        List<CompletableFuture<RepairSession.Ran>> runs = new ArrayList<>();
        for (String g : groups) {
            for (PeerConfig p : access.peersFor(g)) {
                if (peer == null || p.serverId().equals(peer)) {
                    runs.add(submit(p.serverId(), g, trigger));
                }
            }
        }
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
                .thenApply(v -> runs.stream().map(f -> f.join().result()).toList());
    }

    private void record(RepairResult r) {
        metrics.add(r);
        try {
            history.add(r);
        } catch (RuntimeException e) {
            LOG.warning(() -> "event=repair-history-not-kept reason=\"" + e.getMessage() + "\"");
        }
        LOG.info(() -> "event=repair peer=" + r.peer() + " group=" + r.group() + " trigger=" + r.trigger().wireName()
                + " result=" + r.outcome().wireName() + " pulled=" + r.pulled() + " pushed=" + r.pushed()
                + " divergent=" + r.divergent() + " rounds=" + r.rounds() + " bytes_sent=" + r.bytesSent()
                + " bytes_received=" + r.bytesReceived() + " duration_ms=" + r.durationMillis()
                + (r.error() == null ? "" : " error=\"" + r.error() + "\""));
    }

    /** Stops taking repairs and interrupts running ones; waits briefly for them to end. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
