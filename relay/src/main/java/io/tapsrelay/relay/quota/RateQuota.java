package io.tapsrelay.relay.quota;

import java.util.function.LongSupplier;

/**
 * One sender's quota: an events-per-second bucket and a bytes-per-second bucket, either of which
 * may be unlimited. An event passes only when both have room, and then it takes from both, so a
 * refused event costs the sender nothing. Thread-safe: a peer's streams share one quota.
 */
public final class RateQuota {
    private final TokenBucket events;
    private final TokenBucket bytes;

    /**
     * @param eventsPerSecond 0 for unlimited
     * @param bytesPerSecond 0 for unlimited
     * @param largestEventBytes the largest single event, so the byte bucket's burst admits it
     * @param nanoClock monotonic nanoseconds
     */
    public RateQuota(double eventsPerSecond, long bytesPerSecond, long largestEventBytes, LongSupplier nanoClock) {
        // A one-second burst, but never less than one whole event: a bucket smaller than an event
        // would refuse it forever.
        this.events = eventsPerSecond > 0
                ? new TokenBucket(eventsPerSecond, Math.max(1, eventsPerSecond), nanoClock) : null;
        this.bytes = bytesPerSecond > 0
                ? new TokenBucket(bytesPerSecond, Math.max(bytesPerSecond, largestEventBytes), nanoClock) : null;
    }

    /** True when neither rate is limited. */
    public boolean unlimited() {
        return events == null && bytes == null;
    }

    /** Admits (and charges) one event of {@code eventBytes}, or says how long to wait; a refusal costs nothing. */
    public synchronized Admission admit(long eventBytes) {
        long wait = 0;
        if (events != null) {
            wait = events.waitMillis(1);
        }
        if (bytes != null) {
            wait = Math.max(wait, bytes.waitMillis(eventBytes));
        }
        if (wait > 0) {
            return Admission.refused(wait);
        }
        if (events != null) {
            events.take(1);
        }
        if (bytes != null) {
            bytes.take(eventBytes);
        }
        return Admission.ADMITTED;
    }
}
