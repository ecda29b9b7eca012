package io.tapsrelay.relay.quota;

import io.tapsrelay.config.LimitsConfig;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The rate quotas of {@code limits}: one {@link RateQuota} per peer, shared by all of that peer's
 * streams and its {@code /send}s, and a separate one per client name, so a flooding peer cannot
 * use up what local scripts are given. Thread-safe.
 */
public final class PeerQuotas {
    private final LimitsConfig limits;
    private final long largestEventBytes;
    private final LongSupplier nanoClock;
    private final Map<String, RateQuota> peers = new ConcurrentHashMap<>();
    private final Map<String, RateQuota> clients = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> limitedByPeer = new ConcurrentHashMap<>();

    /**
     * @param limits the configured rates (0 = unlimited)
     * @param largestEventBytes the longest frame line with its line feed, so one event always fits a byte bucket
     * @param nanoClock monotonic nanoseconds
     */
    public PeerQuotas(LimitsConfig limits, long largestEventBytes, LongSupplier nanoClock) {
        this.limits = limits;
        this.largestEventBytes = largestEventBytes;
        this.nanoClock = nanoClock;
    }

    /** Charges one EVENT frame of {@code wireBytes} (line with its line feed) to {@code peer}. */
    public Admission admitPeerEvent(String peer, long wireBytes) {
        if (limits.peerEventsPerSecond() == 0 && limits.peerBytesPerSecond() == 0) {
            return Admission.ADMITTED;
        }
        RateQuota q = peers.computeIfAbsent(peer, p -> new RateQuota(limits.peerEventsPerSecond(),
                limits.peerBytesPerSecond(), largestEventBytes, nanoClock));
        Admission a = q.admit(wireBytes);
        if (!a.admitted()) {
            limitedByPeer.computeIfAbsent(peer, p -> new LongAdder()).increment();
        }
        return a;
    }

    /** Charges one client event of {@code bytes} to the client {@code name}. */
    public Admission admitClientEvent(String name, long bytes) {
        if (limits.clientEventsPerSecond() == 0 && limits.clientBytesPerSecond() == 0) {
            return Admission.ADMITTED;
        }
        RateQuota q = clients.computeIfAbsent(name, c -> new RateQuota(limits.clientEventsPerSecond(),
                limits.clientBytesPerSecond(), largestEventBytes, nanoClock));
        return q.admit(bytes);
    }

    /** Events refused so far per peer, sorted by peer. */
    public Map<String, Long> rateLimitedByPeer() {
        Map<String, Long> out = new TreeMap<>();
        limitedByPeer.forEach((peer, n) -> out.put(peer, n.sum()));
        return out;
    }
}
