package io.tapsrelay.relay.bench;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What {@code tapsrelay bench} was asked to do.
 *
 * @param scenario the scenario, or {@link Scenario#ALL}
 * @param events events per run; empty for each scenario's {@link Scenario#defaultEvents()}
 * @param size content bytes per event (before base64), 1 to 1 MiB
 * @param streams load streams, each its own peer identity and group, 1 to 64 ({@code latency} always
 *     measures 1 and 4)
 * @param window the relay's credit window in events, 1 to 1,000,000
 * @param rate total events per second the load streams are paced to; 0 for as fast as credit allows.
 *     For {@code latency}, its full rate (instead of 75% of the verification ceiling); half of it is
 *     measured too
 * @param runs runs per scenario, 1 to 100; with more than one the median is printed too
 * @param deadline the longest one scenario run may take once its events are signed
 */
public record BenchOptions(Scenario scenario, OptionalInt events, int size, int streams, int window, double rate,
        int runs, Duration deadline) {
    public static final int DEFAULT_SIZE = 256;
    public static final int DEFAULT_STREAMS = 1;
    public static final int DEFAULT_WINDOW = 1024;
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);
    static final int MAX_SIZE = 1 << 20;
    static final int MAX_STREAMS = 64;
    static final int MAX_WINDOW = 1_000_000;

    public BenchOptions {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(deadline, "deadline");
        if (events.isPresent() && events.getAsInt() < 1) {
            throw new IllegalArgumentException("--events must be at least 1, got " + events.getAsInt());
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("--size must be 1 to " + MAX_SIZE + " bytes, got " + size);
        }
        if (streams < 1 || streams > MAX_STREAMS) {
            throw new IllegalArgumentException("--streams must be 1 to " + MAX_STREAMS + ", got " + streams);
        }
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("--window must be 1 to " + MAX_WINDOW + " events, got " + window);
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("--rate must be 0 (unpaced) or a positive number of events/s, got " + rate);
        }
        if (runs < 1 || runs > 100) {
            throw new IllegalArgumentException("--runs must be 1 to 100, got " + runs);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline " + deadline + " is not positive");
        }
    }

    /** Every default, for {@code scenario}. */
    public static BenchOptions defaults(Scenario scenario) {
        return new BenchOptions(scenario, OptionalInt.empty(), DEFAULT_SIZE, DEFAULT_STREAMS, DEFAULT_WINDOW, 0, 1,
                DEFAULT_DEADLINE);
    }

    /** The load of one run of {@code load} (not {@code all} or {@code crypto}) with {@code streamCount} streams. */
    LoadShape shape(Scenario load, int streamCount) {
        int n = events.orElse(load.defaultEvents());
        return new LoadShape(n, size, Math.min(streamCount, n), window, rate);
    }
}
