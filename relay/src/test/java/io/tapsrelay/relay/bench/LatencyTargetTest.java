package io.tapsrelay.relay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyTargetTest {
    @Test
    void theFullRateIsThreeQuartersOfTheAllCoreCeilingAndTheOtherHalfOfIt() {
        List<LatencyTarget> t = LatencyTarget.of(new CryptoResult(256, 2, 7_000, 14_000));
        assertEquals(10_500, t.get(0).rate(), 1e-9);
        assertEquals("75% of 14000 verifications/s", t.get(0).basis());
        assertEquals(Duration.ofMillis(50), t.get(0).p99());
        assertEquals(5_250, t.get(1).rate(), 1e-9);
        assertEquals("half of 10500", t.get(1).basis());
        assertEquals(Duration.ofMillis(5), t.get(1).p99());
    }

    @Test
    void aRateGivenOnTheCommandLineIsTheFullRate() {
        List<LatencyTarget> t = LatencyTarget.ofRate(8_000);
        assertEquals(List.of(8_000.0, 4_000.0), t.stream().map(LatencyTarget::rate).toList());
        assertEquals(List.of("--rate", "half of 8000"), t.stream().map(LatencyTarget::basis).toList());
    }

    @Test
    void theTargetIsMetOnlyStrictlyUnderItsP99() {
        LatencyTarget fiveMs = LatencyTarget.ofRate(100).get(1);
        assertTrue(fiveMs.met(new LatencySummary(10, 1_000_000, 4_999_999, 9_000_000, 9_000_000)));
        assertFalse(fiveMs.met(new LatencySummary(10, 1_000_000, 5_000_000, 5_000_000, 5_000_000)));
    }
}
