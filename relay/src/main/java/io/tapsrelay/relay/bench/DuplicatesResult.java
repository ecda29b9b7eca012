package io.tapsrelay.relay.bench;

import java.util.List;
import java.util.Objects;

/**
 * One run of {@code duplicates}.
 *
 * @param shape the load of each pass
 * @param first the first pass: every event new, every signature checked
 * @param again the second pass: the same events on a new stream, every one a duplicate
 * @param relay the relay's memory after both passes
 */
record DuplicatesResult(LoadShape shape, LoadFigures first, LoadFigures again, MemorySample relay) {
    DuplicatesResult {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(again, "again");
        Objects.requireNonNull(relay, "relay");
    }

    /** Duplicate rate over first-pass rate. */
    double ratio() {
        return again.eventsPerSecond() / first.eventsPerSecond();
    }

    static DuplicatesResult median(List<DuplicatesResult> runs) {
        return new DuplicatesResult(runs.get(0).shape(),
                LoadFigures.median(runs.stream().map(DuplicatesResult::first).toList()),
                LoadFigures.median(runs.stream().map(DuplicatesResult::again).toList()),
                MemorySample.median(runs.stream().map(DuplicatesResult::relay).toList()));
    }
}
