package io.tapsrelay.config;

import java.time.Duration;

/**
 * Quotas and quarantine. For the rates, 0 means unlimited.
 *
 * @param peerEventsPerSecond EVENT frames per second accepted from one peer; default 0
 * @param peerBytesPerSecond frame bytes per second accepted from one peer; default 0
 * @param clientEventsPerSecond events per second accepted from one client; default 0
 * @param clientBytesPerSecond bytes per second accepted from one client; default 0
 * @param maxStreamsPerPeer open streams one peer may hold at once; default 200
 * @param quarantineThreshold invalid signatures or equivocations from one peer within {@code
 *     quarantineWindow} that put it in quarantine; default 20
 * @param quarantineWindow the window over which offences are counted; default 10 minutes
 */
public record LimitsConfig(
        double peerEventsPerSecond,
        long peerBytesPerSecond,
        double clientEventsPerSecond,
        long clientBytesPerSecond,
        int maxStreamsPerPeer,
        int quarantineThreshold,
        Duration quarantineWindow) {
    public static final int DEFAULT_MAX_STREAMS_PER_PEER = 200;
    public static final int DEFAULT_QUARANTINE_THRESHOLD = 20;
    public static final Duration DEFAULT_QUARANTINE_WINDOW = Duration.ofMinutes(10);

    public LimitsConfig {
        rate("peer_events_per_second", peerEventsPerSecond);
        rate("client_events_per_second", clientEventsPerSecond);
        if (peerBytesPerSecond < 0 || clientBytesPerSecond < 0) {
            throw new IllegalArgumentException("byte rates must not be negative");
        }
        if (maxStreamsPerPeer < 1) {
            throw new IllegalArgumentException("max_streams_per_peer must be at least 1: " + maxStreamsPerPeer);
        }
        if (quarantineThreshold < 1) {
            throw new IllegalArgumentException("quarantine_threshold must be at least 1: " + quarantineThreshold);
        }
        Checks.positive("quarantine_window", quarantineWindow);
    }

    public static LimitsConfig defaults() {
        return new LimitsConfig(0, 0, 0, 0, DEFAULT_MAX_STREAMS_PER_PEER, DEFAULT_QUARANTINE_THRESHOLD,
                DEFAULT_QUARANTINE_WINDOW);
    }

    private static void rate(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0: " + value);
        }
    }
}
