package io.tapsrelay.relay.bench;

import java.util.List;
import java.util.Objects;

/**
 * One run of {@code ingest}.
 *
 * @param shape the load
 * @param load throughput and ACK latency
 * @param relay the relay's memory after the run
 */
record IngestResult(LoadShape shape, LoadFigures load, MemorySample relay) {
    IngestResult {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(relay, "relay");
    }

    static IngestResult median(List<IngestResult> runs) {
        return new IngestResult(runs.get(0).shape(), LoadFigures.median(runs.stream().map(IngestResult::load).toList()),
                MemorySample.median(runs.stream().map(IngestResult::relay).toList()));
    }
}
