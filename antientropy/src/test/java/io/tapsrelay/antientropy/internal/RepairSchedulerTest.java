package io.tapsrelay.antientropy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.config.AntiEntropyConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RepairSchedulerTest {
    private static final long SEED = 20261122L;

    private static RepairScheduler scheduler(Duration interval) {
        AntiEntropyConfig cfg = new AntiEntropyConfig(true, interval, Duration.ZERO, 1 << 20, 2);
        return new RepairScheduler(cfg, null, null, null, null, Clock.systemUTC(), new SplittableRandom(SEED));
    }

    @Test
    void backoffDoublesFromOneSecondWithUpToAQuarterMoreUntilItsCap() {
        RepairScheduler s = scheduler(Duration.ofMinutes(5));
        long previousBase = 0;
        for (int failures = 1; failures <= 8; failures++) {
            long base = Math.min(300_000, 1000L << (failures - 1));
            long wait = s.backoff(failures);
            assertTrue(wait >= base && wait <= base + base / 4, "seed " + SEED + ": failures " + failures + " waited " + wait);
            assertTrue(base >= previousBase);
            previousBase = base;
        }
        long capped = s.backoff(30);
        assertTrue(capped >= 300_000 && capped <= 375_000, "seed " + SEED + ": capped at five minutes, got " + capped);
    }

    @Test
    void aShortIntervalStillBacksOffUpToFiveSeconds() {
        long wait = scheduler(Duration.ofSeconds(1)).backoff(10);
        assertTrue(wait >= 5_000 && wait <= 6_250, "seed " + SEED + ": got " + wait);
    }

    @Test
    void theWorkerLooksForDuePairsFourTimesAnIntervalBetweenATenthAndOneSecond() {
        assertEquals(1_000, scheduler(Duration.ofMinutes(5)).tickMillis());
        assertEquals(250, scheduler(Duration.ofSeconds(1)).tickMillis());
        assertEquals(100, scheduler(Duration.ofMillis(200)).tickMillis());
    }
}
