package io.tapsrelay.relay.bench;

import java.util.BitSet;
import java.util.concurrent.CompletableFuture;

/**
 * When each event of one origin arrived at an observing peer, by origin sequence: the far end of an
 * end-to-end measurement. A repeated arrival is counted once.
 *
 * <p>Written on the observing stream's event loop; read by others once {@link #all()} completed.
 */
final class Arrivals {
    private final long[] arrivedAt;
    private final BitSet seen;
    private final CompletableFuture<Void> all = new CompletableFuture<>();
    private int distinct;
    private volatile int distinctView;
    private long lastNanos;

    Arrivals(int expected) {
        this.arrivedAt = new long[expected];
        this.seen = new BitSet(expected);
    }

    /**
     * Event {@code originSeq} arrived at {@code nanos}.
     *
     * @return false when it is outside 1…expected, which the caller reports
     */
    boolean arrived(long originSeq, long nanos) {
        if (originSeq < 1 || originSeq > arrivedAt.length) {
            return false;
        }
        int i = (int) originSeq - 1;
        if (!seen.get(i)) {
            seen.set(i);
            arrivedAt[i] = nanos;
            distinct++;
            distinctView = distinct;
            lastNanos = distinct == 1 ? nanos : Math.max(lastNanos, nanos);
            if (distinct == arrivedAt.length) {
                all.complete(null);
            }
        }
        return true;
    }

    /** Completes once every expected event arrived. */
    CompletableFuture<Void> all() {
        return all;
    }

    /** Distinct events arrived so far, for progress lines. */
    int count() {
        return distinctView;
    }

    int expected() {
        return arrivedAt.length;
    }

    long arrivedAtNanos(long originSeq) {
        return arrivedAt[(int) originSeq - 1];
    }

    long lastNanos() {
        return lastNanos;
    }

    /** Fails {@link #all()}: the stream it depends on ended. */
    void abandon(Throwable why) {
        all.completeExceptionally(why);
    }
}
