package io.tapsrelay.relay.quota;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket: refills at {@code ratePerSecond}, holds at most {@code capacity} tokens, starts
 * full. Not thread-safe on its own; {@link RateQuota} guards its buckets with one lock so a take
 * from two buckets is atomic.
 */
final class TokenBucket {
    private static final double SLACK = 1e-9;
    private final double ratePerSecond;
    private final double capacity;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastNanos;

    /**
     * @param ratePerSecond refill rate, greater than zero
     * @param capacity the burst, at least the largest single take (else such a take never passes)
     * @param nanoClock monotonic nanoseconds ({@code System::nanoTime}, or a fake in tests)
     */
    TokenBucket(double ratePerSecond, double capacity, LongSupplier nanoClock) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a finite number > 0: " + ratePerSecond);
        }
        if (!(capacity >= 1)) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.ratePerSecond = ratePerSecond;
        this.capacity = capacity;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.lastNanos = nanoClock.getAsLong();
    }

    /** Whole milliseconds until {@code amount} tokens are available; 0 when they are now. Refills first. */
    long waitMillis(double amount) {
        refill();
        double wanted = Math.min(amount, capacity);
        // The slack absorbs rounding in the refill sum: a wait answered in whole milliseconds
        // must be enough.
        if (tokens >= wanted - SLACK) {
            return 0;
        }
        return Math.max(1, (long) Math.ceil((wanted - tokens) / ratePerSecond * 1000 - SLACK));
    }

    /**
     * Takes {@code amount} tokens; call only after {@link #waitMillis} answered 0. A take larger
     * than the capacity empties the bucket (and goes below zero), so it is paid for in time.
     */
    void take(double amount) {
        tokens -= amount;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        long elapsed = now - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * ratePerSecond / TimeUnit.SECONDS.toNanos(1));
            lastNanos = now;
        }
    }
}
