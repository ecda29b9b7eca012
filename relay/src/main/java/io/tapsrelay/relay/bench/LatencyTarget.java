package io.tapsrelay.relay.bench;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One rate {@code latency} paces ingest to, and the p99 ACK latency it must stay under there. The
 * issue's targets: at 75% of the all-core Ed25519 verification ceiling (what ingest must reach),
 * p99 under 50 ms; at half that rate, p99 under 5 ms.
 *
 * @param rate events per second in all, split evenly over the streams
 * @param basis where the rate comes from, for the report: {@code 75% of 14000 verifications/s}
 * @param p99 the p99 ACK latency the relay must stay under at this rate
 */
record LatencyTarget(double rate, String basis, Duration p99) {
    /** The share of the verification ceiling ingest must reach. */
    static final double CEILING_SHARE = 0.75;
    static final Duration FULL_RATE_P99 = Duration.ofMillis(50);
    static final Duration HALF_RATE_P99 = Duration.ofMillis(5);

    LatencyTarget {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(p99, "p99");
        if (!(rate > 0) || Double.isInfinite(rate) || p99.isNegative() || p99.isZero()) {
            throw new IllegalArgumentException("bad latency target: " + rate + " events/s, p99 " + p99);
        }
    }

    /** The full rate, 75% of {@code ceiling}'s all-core verifications per second, and half of it. */
    static List<LatencyTarget> of(CryptoResult ceiling) {
        double full = CEILING_SHARE * ceiling.allThreadsPerSecond();
        return List.of(
                new LatencyTarget(full, Math.round(CEILING_SHARE * 100) + "% of " + BenchFormat.count(
                        ceiling.allThreadsPerSecond()) + " verifications/s", FULL_RATE_P99),
                new LatencyTarget(full / 2, "half of " + BenchFormat.count(full), HALF_RATE_P99));
    }

    /** {@code rate} as the full rate ({@code --rate}), and half of it. */
    static List<LatencyTarget> ofRate(double rate) {
        return List.of(new LatencyTarget(rate, "--rate", FULL_RATE_P99),
                new LatencyTarget(rate / 2, "half of " + BenchFormat.count(rate), HALF_RATE_P99));
    }

    /** True when {@code latency}'s p99 is under this target's. */
    boolean met(LatencySummary latency) {
        return latency.p99Nanos() < p99.toNanos();
    }
}
