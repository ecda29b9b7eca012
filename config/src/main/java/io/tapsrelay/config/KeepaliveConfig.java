package io.tapsrelay.config;

import java.time.Duration;

/**
 * Stream keepalive (PROTOCOL.md §3, PING/PONG).
 *
 * @param interval send a PING after writing nothing for this long; default 30 s
 * @param timeout close a stream with {@code idle_timeout} after receiving nothing for this long;
 *     default 90 s, and always longer than {@code interval} so a live peer's PINGs keep it open
 */
public record KeepaliveConfig(Duration interval, Duration timeout) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    public KeepaliveConfig {
        Checks.positive("keepalive interval", interval);
        Checks.positive("keepalive timeout", timeout);
        if (timeout.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("keepalive timeout " + timeout + " must exceed interval " + interval);
        }
    }

    public static KeepaliveConfig defaults() {
        return new KeepaliveConfig(DEFAULT_INTERVAL, DEFAULT_TIMEOUT);
    }
}
