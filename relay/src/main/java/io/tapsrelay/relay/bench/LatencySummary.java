package io.tapsrelay.relay.bench;

import java.util.List;

/**
 * Percentiles of one set of latencies, in nanoseconds.
 *
 * @param count how many values were recorded
 * @param p50Nanos median
 * @param p99Nanos 99th percentile
 * @param p999Nanos 99.9th percentile
 * @param maxNanos the largest value
 */
record LatencySummary(long count, long p50Nanos, long p99Nanos, long p999Nanos, long maxNanos) {
    LatencySummary {
        if (count < 0 || p50Nanos < 0 || p99Nanos < p50Nanos || p999Nanos < p99Nanos || maxNanos < p999Nanos) {
            throw new IllegalArgumentException("inconsistent latency summary: count=" + count + " p50=" + p50Nanos
                    + " p99=" + p99Nanos + " p999=" + p999Nanos + " max=" + maxNanos);
        }
    }

    /** Each percentile the median of the runs' (percentiles do not add up, so this is what a table shows). */
    static LatencySummary median(List<LatencySummary> runs) {
        return new LatencySummary(
                Medians.ofLongs(runs, LatencySummary::count),
                Medians.ofLongs(runs, LatencySummary::p50Nanos),
                Medians.ofLongs(runs, LatencySummary::p99Nanos),
                Medians.ofLongs(runs, LatencySummary::p999Nanos),
                Medians.ofLongs(runs, LatencySummary::maxNanos));
    }
}
