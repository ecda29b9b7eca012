package io.tapsrelay.relay.bench;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One run of {@code stalled}.
 *
 * @param shape the load stored while one peer never granted CREDIT
 * @param before the relay's memory with both streams open, before any event
 * @param after the relay's memory once every event was stored
 * @param eventsWithoutCredit EVENT frames the relay sent to the stalled peer anyway (must be 0)
 * @param stalledStreamOpen whether the stalled peer's stream was still open at the end
 * @param ingest how fast the events went in
 */
record StalledResult(LoadShape shape, MemorySample before, MemorySample after, long eventsWithoutCredit,
        boolean stalledStreamOpen, LoadFigures ingest) {
    StalledResult {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(ingest, "ingest");
    }

    /** Heap after over heap before, when both were measured. */
    OptionalDouble heapRatio() {
        if (before.heapBytes().isEmpty() || after.heapBytes().isEmpty() || before.heapBytes().getAsLong() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) after.heapBytes().getAsLong() / before.heapBytes().getAsLong());
    }

    static StalledResult median(List<StalledResult> runs) {
        return new StalledResult(runs.get(0).shape(),
                MemorySample.median(runs.stream().map(StalledResult::before).toList()),
                MemorySample.median(runs.stream().map(StalledResult::after).toList()),
                runs.stream().mapToLong(StalledResult::eventsWithoutCredit).max().orElse(0),
                runs.stream().allMatch(StalledResult::stalledStreamOpen),
                LoadFigures.median(runs.stream().map(StalledResult::ingest).toList()));
    }
}
