package io.tapsrelay.antientropy;

import io.tapsrelay.antientropy.internal.Installed;
import io.tapsrelay.relay.spi.ExtensionRoutes;
import io.tapsrelay.relay.spi.RelayContext;
import io.tapsrelay.relay.spi.RelayExtension;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * Anti-entropy (PROTOCOL.md §7 and the repair part of §8) as a relay extension.
 *
 * <p>Adds {@code GET …/{groupId}/digest} and {@code POST …/{groupId}/checkpoint} to the federation
 * listener; {@code POST /_taps/admin/repair} and {@code GET /_taps/admin/digest} to the admin
 * listener; repair results and equivocations to status, and repair counters to metrics. When
 * {@code antientropy.enabled} is on, a worker compares every (configured peer, held group) pair each
 * {@code antientropy.interval} (plus jitter) and repairs the ones that differ, and a hole left open
 * by a stream asks for a repair of its group at once.
 *
 * <p>One instance serves one relay start: {@code Relay.start(config, List.of(new AntiEntropy()))}.
 */
public final class AntiEntropy implements RelayExtension {
    private final RandomGenerator random;
    private volatile Installed installed;

    public AntiEntropy() {
        this(new SplittableRandom());
    }

    /** @param random the source of the worker's jitter; seed it to make a test's schedule repeatable */
    public AntiEntropy(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public void install(RelayContext context, ExtensionRoutes routes) {
        if (installed != null) {
            throw new IllegalStateException("anti-entropy is already installed in a relay; make one per relay start");
        }
        installed = Installed.install(context, routes, random);
    }

    @Override
    public void start() {
        installed().start();
    }

    /**
     * Repairs now, as {@code POST /_taps/admin/repair} does: every configured peer the group is
     * exchanged with, or only {@code peer}; {@code group}, or every group held. At most
     * {@code antientropy.max_concurrent} run at once.
     *
     * @param group a group id, or null for every group held
     * @param peer a configured peer's server id, or null for every configured peer
     * @throws IllegalArgumentException when a name is malformed, the peer is not configured or the
     *     group not served
     */
    public CompletableFuture<List<RepairResult>> repair(String group, String peer) {
        return installed().repair(group, peer);
    }

    /** This relay's digest of {@code group} (no origins when it holds no event of it). */
    public GroupDigest digest(String group) {
        return installed().digest(group);
    }

    /** Up to {@code n} of the latest repair results, newest first (kept across restarts). */
    public List<RepairResult> latestResults(int n) {
        return installed().latest(n);
    }

    @Override
    public void close() {
        Installed i = installed;
        if (i != null) {
            i.close();
        }
    }

    private Installed installed() {
        Installed i = installed;
        if (i == null) {
            throw new IllegalStateException("anti-entropy is not installed in a relay yet");
        }
        return i;
    }
}
