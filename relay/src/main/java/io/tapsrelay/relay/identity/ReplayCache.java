package io.tapsrelay.relay.identity;

import io.tapsrelay.frames.crypto.Sha256;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request signatures seen recently, so a captured request cannot be replayed while its timestamp
 * is still inside the allowed skew.
 *
 * <p>A request stamped {@code t} is accepted while the clock is within {@code t ± skew}, so it can
 * be replayed for at most {@code 2 × skew} after it was first seen: entries live that long.
 *
 * <p>Memory is bounded: at most {@code capacity} entries of about 100 bytes each (a 128-bit
 * fingerprint of the signature, its expiry and the map entry). When full, the oldest entry is
 * evicted even if it has not expired. That reopens a replay window only for a relay receiving more
 * than {@code capacity} authenticated requests within {@code 2 × skew}; refusing new requests
 * instead would let a busy peer lock everyone out. Only signatures that verified are recorded, so
 * filling the cache takes validly signed requests from an allowed peer.
 *
 * <p>Thread-safe; each call is one short critical section.
 */
final class ReplayCache {
    /** The default entry cap: about 100 MB at worst. */
    static final int DEFAULT_CAPACITY = 1_000_000;

    private final long lifetimeMillis;
    private final int capacity;
    /** Fingerprint → expiry (unix ms), in insertion order, which is expiry order on a steady clock. */
    private final LinkedHashMap<Fingerprint, Long> seen = new LinkedHashMap<>();

    /**
     * A signature's identity: 128 bits of its SHA-256. Signatures are not chosen by whoever could
     * want a collision (a peer can only sign as itself), and 2^64 entries are far beyond the cap.
     */
    private record Fingerprint(long high, long low) {
        static Fingerprint of(byte[] signature) {
            ByteBuffer hash = ByteBuffer.wrap(Sha256.digest(signature).toBytes());
            return new Fingerprint(hash.getLong(), hash.getLong());
        }
    }

    ReplayCache(long lifetimeMillis, int capacity) {
        if (lifetimeMillis <= 0 || capacity <= 0) {
            throw new IllegalArgumentException(
                    "replay cache needs a positive lifetime and capacity, got " + lifetimeMillis + " ms, " + capacity);
        }
        this.lifetimeMillis = lifetimeMillis;
        this.capacity = capacity;
    }

    /**
     * Records {@code signature} as seen at {@code nowMillis}.
     *
     * @return true the first time within the lifetime; false for a replay
     */
    synchronized boolean firstSighting(byte[] signature, long nowMillis) {
        dropExpired(nowMillis);
        Fingerprint key = Fingerprint.of(signature);
        Long expiry = seen.get(key);
        if (expiry != null && nowMillis < expiry) {
            return false;
        }
        // Remove first so a re-recorded entry moves to the young end of the order.
        seen.remove(key);
        seen.put(key, nowMillis + lifetimeMillis);
        if (seen.size() > capacity) {
            Iterator<Fingerprint> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Entries currently held; for tests and metrics. */
    synchronized int size() {
        return seen.size();
    }

    private void dropExpired(long nowMillis) {
        Iterator<Map.Entry<Fingerprint, Long>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            if (nowMillis < it.next().getValue()) {
                // Younger entries expire later; an entry out of order after a clock step back
                // just lives a little longer.
                return;
            }
            it.remove();
        }
    }
}
