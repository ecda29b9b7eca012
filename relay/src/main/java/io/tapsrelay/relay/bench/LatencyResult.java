package io.tapsrelay.relay.bench;

import java.util.List;
import java.util.Objects;

/**
 * One run of {@code latency} at one rate: ingest paced to {@link LatencyTarget#rate()}, its figures
 * and whether the p99 ACK latency stayed under the target.
 *
 * @param shape the load, its rate the target's
 * @param target the rate and the p99 it must stay under
 * @param load what was achieved
 */
record LatencyResult(LoadShape shape, LatencyTarget target, LoadFigures load) {
    LatencyResult {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(load, "load");
    }

    boolean met() {
        return target.met(load.latency());
    }

    static LatencyResult median(List<LatencyResult> runs) {
        return new LatencyResult(runs.get(0).shape(), runs.get(0).target(),
                LoadFigures.median(runs.stream().map(LatencyResult::load).toList()));
    }
}
