package io.tapsrelay.config;

import java.time.Duration;

/**
 * Periodic repair by digest and checkpoint exchange (PROTOCOL.md §7).
 *
 * @param enabled run repair rounds on a timer; default true (operators can still ask for one)
 * @param interval time between rounds; default 5 minutes
 * @param jitter a random extra delay from zero to this, so relays do not repair in lockstep;
 *     default 30 s, never more than {@code interval}
 * @param responseLimit the most bytes of EVENT frames one checkpoint answer carries; default 8 MiB
 * @param maxConcurrent repair rounds running at once; default 2
 */
public record AntiEntropyConfig(boolean enabled, Duration interval, Duration jitter, long responseLimit, int maxConcurrent) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_JITTER = Duration.ofSeconds(30);
    public static final long DEFAULT_RESPONSE_LIMIT = 8L * 1024 * 1024;
    public static final int DEFAULT_MAX_CONCURRENT = 2;

    public AntiEntropyConfig {
        Checks.positive("antientropy interval", interval);
        Checks.notNegative("antientropy jitter", jitter);
        if (jitter.compareTo(interval) > 0) {
            throw new IllegalArgumentException("antientropy jitter " + jitter + " exceeds interval " + interval);
        }
        if (responseLimit < 1) {
            throw new IllegalArgumentException("antientropy response_limit must be at least 1: " + responseLimit);
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("antientropy max_concurrent must be at least 1: " + maxConcurrent);
        }
    }

    public static AntiEntropyConfig defaults() {
        return new AntiEntropyConfig(true, DEFAULT_INTERVAL, DEFAULT_JITTER, DEFAULT_RESPONSE_LIMIT, DEFAULT_MAX_CONCURRENT);
    }

    /** Whether one answer can carry at least one frame line of {@code maxMessageSize} bytes. */
    public boolean admitsFrameOf(int maxMessageSize) {
        return responseLimit >= maxMessageSize + 1L;
    }
}
