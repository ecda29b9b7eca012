package io.tapsrelay.relay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    private static final long SEED = 4242;

    @Test
    void smallValuesAreCountedExactly() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 200; v++) {
            h.record(v);
        }
        assertEquals(100, h.percentile(50));
        assertEquals(198, h.percentile(99));
        assertEquals(200, h.percentile(100));
        assertEquals(200, h.max());
        assertEquals(200, h.count());
    }

    @Test
    void percentilesOfUniformMillisecondsAreWithinOnePercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (long ms = 1; ms <= 10_000; ms++) {
            h.record(ms * 1_000_000);
        }
        assertWithin(5_000_000_000L, h.percentile(50));
        assertWithin(9_900_000_000L, h.percentile(99));
        assertWithin(9_990_000_000L, h.percentile(99.9));
        assertEquals(10_000_000_000L, h.percentile(100), "the top percentile is the true maximum");
    }

    @Test
    void percentilesMatchASortedArrayForSeededRandomValues() {
        SplittableRandom random = new SplittableRandom(SEED);
        long[] values = new long[100_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            // Log-uniform from 1 us to 1 s, the spread real ACK latencies have.
            values[i] = (long) Math.pow(10, 3 + 6 * random.nextDouble());
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            long reported = h.percentile(p);
            assertTrue(reported >= exact && reported <= exact + exact / 128 + 1,
                    "p" + p + ": exact " + exact + ", reported " + reported + " (seed " + SEED + ")");
        }
    }

    @Test
    void addingHistogramsIsTheSameAsRecordingEverythingInOne() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        LatencyHistogram both = new LatencyHistogram();
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 10_000; i++) {
            long v = random.nextLong(1, 50_000_000);
            (i % 3 == 0 ? a : b).record(v);
            both.record(v);
        }
        a.add(b);
        assertEquals(both.summary(), a.summary());
    }

    @Test
    void everyValueFallsInABucketWhoseTopIsWithinOneBucketWidthOfIt() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 100_000; i++) {
            long v = random.nextLong(0, 1L << 43);
            long top = LatencyHistogram.highestValueIn(LatencyHistogram.indexOf(v));
            assertTrue(top >= v && top - v <= v / 128, "value " + v + " top " + top + " (seed " + SEED + ")");
        }
    }

    @Test
    void hugeValuesLandInTheTopBucketAndTheMaximumStaysExact() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(Long.MAX_VALUE / 2);
        assertEquals(Long.MAX_VALUE / 2, h.percentile(50));
    }

    @Test
    void anEmptyHistogramReportsZeroAndRejectsNonsense() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(new LatencySummary(0, 0, 0, 0, 0), h.summary());
        assertThrows(IllegalArgumentException.class, () -> h.record(-1));
        assertThrows(IllegalArgumentException.class, () -> h.percentile(0));
        assertThrows(IllegalArgumentException.class, () -> h.percentile(100.5));
    }

    private static void assertWithin(long expected, long actual) {
        assertTrue(Math.abs(actual - expected) <= expected / 100, "expected about " + expected + ", got " + actual);
    }
}
