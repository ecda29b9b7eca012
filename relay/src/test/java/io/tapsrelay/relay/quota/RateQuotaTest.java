package io.tapsrelay.relay.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateQuotaTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advanceMillis(long ms) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    @Test
    void aFullBucketAdmitsOneSecondOfEventsThenAsksToWaitForTheNextToken() {
        RateQuota q = new RateQuota(10, 0, 100, now::get);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, q.admit(50).retryAfterMs(), "event " + i);
        }
        assertEquals(100, q.admit(50).retryAfterMs());
        advanceMillis(99);
        assertEquals(1, q.admit(50).retryAfterMs());
        advanceMillis(1);
        assertEquals(0, q.admit(50).retryAfterMs());
        assertTrue(!q.admit(50).admitted());
    }

    @Test
    void aRefusedEventCostsNothingSoWaitingTheAnsweredTimeIsEnough() {
        RateQuota q = new RateQuota(1, 0, 100, now::get);
        assertEquals(0, q.admit(1).retryAfterMs());
        for (int i = 0; i < 5; i++) {
            assertEquals(1000, q.admit(1).retryAfterMs());
        }
        advanceMillis(1000);
        assertEquals(0, q.admit(1).retryAfterMs());
    }

    @Test
    void theByteRateLimitsOnItsOwnAndAnEventTakesFromBothBucketsOnlyWhenBothHaveRoom() {
        RateQuota q = new RateQuota(2, 1000, 100, now::get);
        assertEquals(0, q.admit(600).retryAfterMs());
        assertEquals(200, q.admit(600).retryAfterMs());
        assertEquals(200, q.admit(600).retryAfterMs());
        assertEquals(200, q.admit(600).retryAfterMs());
        // The refused events took no event token: one is left, and 400 bytes.
        assertEquals(0, q.admit(400).retryAfterMs());
        assertEquals(500, q.admit(1).retryAfterMs(), "now the event rate is what waits longest");
    }

    @Test
    void anEventLargerThanTheByteBurstStillPassesWhenTheBucketIsFullAndIsPaidForInTime() {
        RateQuota q = new RateQuota(0, 100, 500, now::get);
        assertEquals(0, q.admit(1000).retryAfterMs());
        assertEquals(10_000, q.admit(1000).retryAfterMs(), "the bucket is at -500 of 500 and fills at 100 bytes/s");
        advanceMillis(10_000);
        assertEquals(0, q.admit(1000).retryAfterMs());
    }

    @Test
    void tokensDoNotPileUpBeyondOneSecondOfRate() {
        RateQuota q = new RateQuota(2, 0, 100, now::get);
        advanceMillis(60_000);
        assertEquals(0, q.admit(1).retryAfterMs());
        assertEquals(0, q.admit(1).retryAfterMs());
        assertEquals(500, q.admit(1).retryAfterMs());
    }

    @Test
    void zeroRatesAreUnlimited() {
        RateQuota q = new RateQuota(0, 0, 100, now::get);
        assertTrue(q.unlimited());
        for (int i = 0; i < 10_000; i++) {
            assertEquals(0, q.admit(1 << 20).retryAfterMs());
        }
    }

    @Test
    void aBucketRefusesANonPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(Double.NaN, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0.5, now::get));
    }
}
