package io.tapsrelay.relay.bench;

/**
 * A fixed-size log-linear histogram of non-negative durations in nanoseconds, HdrHistogram-style:
 * exact below 256 ns, then 128 buckets per power of two, so any recorded value is reported within
 * 1/128 (0.8 %) of itself. Memory is fixed (about 37 KiB) however many values are recorded, which is
 * what lets a run of millions of events keep every latency.
 *
 * <p>Not thread-safe: one histogram per thread (each load stream keeps its own), merged afterwards.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 8;
    /** Values below this are counted exactly, one bucket each. */
    private static final int LINEAR = 1 << SUB_BITS;
    /** Buckets per power of two above {@link #LINEAR}. */
    private static final int HALF = LINEAR / 2;
    /** Highest power of two tracked (2^43 ns is about 2.4 hours); larger values land in the top bucket. */
    private static final int MAX_EXPONENT = 43;
    private static final int BUCKETS = LINEAR + (MAX_EXPONENT - SUB_BITS + 1) * HALF;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long max;

    /**
     * Counts one value.
     *
     * @throws IllegalArgumentException for a negative value (a clock that went backwards is a bug)
     */
    void record(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("latency " + nanos + " ns is negative");
        }
        counts[indexOf(nanos)]++;
        count++;
        max = Math.max(max, nanos);
    }

    /** Adds every value {@code other} holds to this one. */
    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        max = Math.max(max, other.max);
    }

    long count() {
        return count;
    }

    long max() {
        return max;
    }

    /**
     * The smallest recorded value (as its bucket's highest value, never above the true maximum) that
     * at least {@code percent} % of the recorded values do not exceed; 0 when nothing was recorded.
     *
     * @param percent in (0, 100]
     */
    long percentile(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile " + percent + " is not in (0, 100]");
        }
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * count));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                // The top bucket also holds everything beyond the tracked range: only the maximum bounds it.
                return i == BUCKETS - 1 ? max : Math.min(highestValueIn(i), max);
            }
        }
        return max;
    }

    /** p50, p99 and p99.9 of what was recorded. */
    LatencySummary summary() {
        return new LatencySummary(count, percentile(50), percentile(99), percentile(99.9), max);
    }

    static int indexOf(long value) {
        if (value < LINEAR) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        if (exponent > MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        // The SUB_BITS leading bits of the value, the highest of which is 1: a number in [HALF, LINEAR).
        int sub = (int) (value >>> (exponent - SUB_BITS + 1));
        return LINEAR + (exponent - SUB_BITS) * HALF + (sub - HALF);
    }

    static long highestValueIn(int index) {
        if (index < LINEAR) {
            return index;
        }
        int k = index - LINEAR;
        int exponent = SUB_BITS + k / HALF;
        long sub = HALF + k % HALF;
        int shift = exponent - SUB_BITS + 1;
        return ((sub + 1) << shift) - 1;
    }
}
