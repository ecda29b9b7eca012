package io.tapsrelay.relay.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free histogram over fixed upper bounds, written in the Prometheus text format.
 *
 * <p>Observations come from many event loops at once, so every bucket is an atomic counter and
 * nothing is ever locked; a scrape may see one observation in a bucket and not yet in the sum,
 * which Prometheus tolerates.
 */
public final class FixedHistogram {
    private final String name;
    private final String help;
    private final double[] bounds;
    private final AtomicLongArray buckets;
    private final LongAdder sumNanos = new LongAdder();
    private final LongAdder count = new LongAdder();

    /**
     * @param name the metric name, without {@code _bucket}
     * @param help the HELP line
     * @param boundsSeconds the finite upper bounds in seconds, strictly increasing; +Inf is implied
     */
    public FixedHistogram(String name, String help, double... boundsSeconds) {
        if (boundsSeconds.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one bound");
        }
        for (int i = 1; i < boundsSeconds.length; i++) {
            if (!(boundsSeconds[i] > boundsSeconds[i - 1])) {
                throw new IllegalArgumentException("bounds must increase: " + Arrays.toString(boundsSeconds));
            }
        }
        this.name = name;
        this.help = help;
        this.bounds = boundsSeconds.clone();
        this.buckets = new AtomicLongArray(boundsSeconds.length + 1);
    }

    /** Records one duration given in nanoseconds; negative values count as zero. */
    public void observeNanos(long nanos) {
        long n = Math.max(0, nanos);
        double seconds = n / 1e9;
        int i = 0;
        while (i < bounds.length && seconds > bounds[i]) {
            i++;
        }
        buckets.incrementAndGet(i);
        sumNanos.add(n);
        count.increment();
    }

    /** Observations so far. */
    public long count() {
        return count.sum();
    }

    /** Appends HELP, TYPE, cumulative {@code _bucket} lines, {@code _sum} (seconds) and {@code _count}. */
    public void write(StringBuilder out) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" histogram\n");
        long cumulative = 0;
        for (int i = 0; i < bounds.length; i++) {
            cumulative += buckets.get(i);
            out.append(name).append("_bucket{le=\"").append(bounds[i]).append("\"} ").append(cumulative).append('\n');
        }
        cumulative += buckets.get(bounds.length);
        out.append(name).append("_bucket{le=\"+Inf\"} ").append(cumulative).append('\n');
        out.append(name).append("_sum ").append(sumNanos.sum() / 1e9).append('\n');
        // The count is the +Inf bucket so that the two never disagree within one scrape.
        out.append(name).append("_count ").append(cumulative).append('\n');
    }
}
