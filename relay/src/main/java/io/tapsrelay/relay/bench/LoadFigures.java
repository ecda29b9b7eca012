package io.tapsrelay.relay.bench;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What one load phase achieved.
 *
 * @param events events sent and acknowledged (or observed)
 * @param eventsPerSecond events over the time from the first send to the last ACK (or observation)
 * @param bytesPerSecond EVENT frame line bytes (what CREDIT counts) over the same time
 * @param latency per-event latency
 * @param heldForCredit events a paced stream had due but held back for lack of CREDIT (timed from
 *     when they were due)
 * @param relayCpuNanosPerEvent CPU the relay (or relays) under test used in the phase, per event;
 *     empty when it cannot be measured
 * @param generatorCpuNanosPerEvent CPU the load generator (this JVM) used in the phase, per event;
 *     empty when it cannot be told apart from the relays'
 */
record LoadFigures(long events, double eventsPerSecond, double bytesPerSecond, LatencySummary latency,
        long heldForCredit, OptionalLong relayCpuNanosPerEvent, OptionalLong generatorCpuNanosPerEvent) {
    LoadFigures {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(relayCpuNanosPerEvent, "relayCpuNanosPerEvent");
        Objects.requireNonNull(generatorCpuNanosPerEvent, "generatorCpuNanosPerEvent");
        if (events < 1 || !(eventsPerSecond > 0) || !(bytesPerSecond > 0) || heldForCredit < 0
                || heldForCredit > events) {
            throw new IllegalArgumentException("bad load figures: events=" + events + " events/s=" + eventsPerSecond
                    + " bytes/s=" + bytesPerSecond + " held for credit=" + heldForCredit);
        }
    }

    /** Figures of {@code events} events of {@code lineBytes} in total that took {@code elapsedNanos}. */
    static LoadFigures of(long events, long lineBytes, long elapsedNanos, LatencySummary latency, long heldForCredit) {
        // A phase shorter than the clock's resolution still took some time.
        double seconds = Math.max(1, elapsedNanos) / 1e9;
        return new LoadFigures(events, events / seconds, lineBytes / seconds, latency, heldForCredit,
                OptionalLong.empty(), OptionalLong.empty());
    }

    /** These figures with the relays' and the generator's CPU per event. */
    LoadFigures withCpu(OptionalLong relayNanosPerEvent, OptionalLong generatorNanosPerEvent) {
        return new LoadFigures(events, eventsPerSecond, bytesPerSecond, latency, heldForCredit, relayNanosPerEvent,
                generatorNanosPerEvent);
    }

    static LoadFigures median(List<LoadFigures> runs) {
        return new LoadFigures(
                Medians.ofLongs(runs, LoadFigures::events),
                Medians.ofDoubles(runs, LoadFigures::eventsPerSecond),
                Medians.ofDoubles(runs, LoadFigures::bytesPerSecond),
                LatencySummary.median(runs.stream().map(LoadFigures::latency).toList()),
                Medians.ofLongs(runs, LoadFigures::heldForCredit),
                Medians.ofPresent(runs, LoadFigures::relayCpuNanosPerEvent),
                Medians.ofPresent(runs, LoadFigures::generatorCpuNanosPerEvent));
    }
}
