package io.tapsrelay.relay.bench;

import java.util.List;
import java.util.Objects;

/**
 * One run of {@code relay}.
 *
 * @param shape the load sent into relay A
 * @param endToEnd events over the time from the first send into A to the last one B forwarded, and
 *     each event's latency from its send into A to its arrival from B (so stored at B)
 * @param ackAtA each event's ACK latency at A
 * @param relayA A's memory after the run
 * @param relayB B's memory after the run
 */
record RelayResult(LoadShape shape, LoadFigures endToEnd, LatencySummary ackAtA, MemorySample relayA,
        MemorySample relayB) {
    RelayResult {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(endToEnd, "endToEnd");
        Objects.requireNonNull(ackAtA, "ackAtA");
        Objects.requireNonNull(relayA, "relayA");
        Objects.requireNonNull(relayB, "relayB");
    }

    static RelayResult median(List<RelayResult> runs) {
        return new RelayResult(runs.get(0).shape(),
                LoadFigures.median(runs.stream().map(RelayResult::endToEnd).toList()),
                LatencySummary.median(runs.stream().map(RelayResult::ackAtA).toList()),
                MemorySample.median(runs.stream().map(RelayResult::relayA).toList()),
                MemorySample.median(runs.stream().map(RelayResult::relayB).toList()));
    }
}
