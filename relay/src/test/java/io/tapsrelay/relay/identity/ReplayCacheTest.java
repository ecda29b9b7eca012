package io.tapsrelay.relay.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplayCacheTest {
    private static byte[] signature(int n) {
        byte[] sig = new byte[64];
        sig[0] = (byte) n;
        sig[63] = (byte) (n >> 8);
        return sig;
    }

    @Test
    void aSignatureSeenAgainWithinItsLifetimeIsAReplay() {
        ReplayCache cache = new ReplayCache(600_000, 10);
        assertTrue(cache.firstSighting(signature(1), 0));
        assertFalse(cache.firstSighting(signature(1), 599_999));
        assertTrue(cache.firstSighting(signature(2), 599_999));
    }

    @Test
    void entriesExpireAfterTheirLifetime() {
        ReplayCache cache = new ReplayCache(600_000, 10);
        cache.firstSighting(signature(1), 0);
        cache.firstSighting(signature(2), 1_000);
        assertTrue(cache.firstSighting(signature(1), 600_000));
        // Entry 1 expired at 600 000; entry 2, seen a second later, lives until 601 000.
        assertFalse(cache.firstSighting(signature(2), 600_999));
        cache.firstSighting(signature(3), 2_000_000);
        assertEquals(1, cache.size());
    }

    @Test
    void aFullCacheEvictsItsOldestEntry() {
        ReplayCache cache = new ReplayCache(600_000, 3);
        for (int i = 1; i <= 4; i++) {
            assertTrue(cache.firstSighting(signature(i), i));
        }
        assertEquals(3, cache.size());
        // Entry 1 was evicted to make room for 4, so it is no longer recognised; 2 to 4 still are.
        assertFalse(cache.firstSighting(signature(4), 10));
        assertFalse(cache.firstSighting(signature(2), 10));
        assertTrue(cache.firstSighting(signature(1), 10));
        assertEquals(3, cache.size());
    }
}
