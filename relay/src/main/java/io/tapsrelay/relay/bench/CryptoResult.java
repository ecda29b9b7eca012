package io.tapsrelay.relay.bench;

import java.util.List;

/**
 * One run of {@code crypto}.
 *
 * @param size content bytes of the events whose signing inputs were verified
 * @param threads threads of the all-core measurement (one per available processor)
 * @param oneThreadPerSecond verifications per second on one thread
 * @param allThreadsPerSecond verifications per second on {@code threads} threads together
 */
record CryptoResult(int size, int threads, double oneThreadPerSecond, double allThreadsPerSecond) {
    CryptoResult {
        if (size < 1 || threads < 1 || !(oneThreadPerSecond > 0) || !(allThreadsPerSecond > 0)) {
            throw new IllegalArgumentException("bad crypto result: size=" + size + " threads=" + threads
                    + " one=" + oneThreadPerSecond + " all=" + allThreadsPerSecond);
        }
    }

    /** How many single threads the all-core figure is worth. */
    double scaling() {
        return allThreadsPerSecond / oneThreadPerSecond;
    }

    static CryptoResult median(List<CryptoResult> runs) {
        return new CryptoResult(runs.get(0).size(), runs.get(0).threads(),
                Medians.ofDoubles(runs, CryptoResult::oneThreadPerSecond),
                Medians.ofDoubles(runs, CryptoResult::allThreadsPerSecond));
    }
}
