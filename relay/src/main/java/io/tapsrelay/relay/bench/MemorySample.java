package io.tapsrelay.relay.bench;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A relay's memory at one moment.
 *
 * @param heapBytes Java heap in use right after a forced full GC (live data), empty when it could not
 *     be measured (no {@code jcmd}, or a relay running inside this JVM)
 * @param rssBytes resident set size of the relay's process, empty when unknown
 */
record MemorySample(OptionalLong heapBytes, OptionalLong rssBytes) {
    MemorySample {
        Objects.requireNonNull(heapBytes, "heapBytes");
        Objects.requireNonNull(rssBytes, "rssBytes");
    }

    /** Nothing measured. */
    static MemorySample unavailable() {
        return new MemorySample(OptionalLong.empty(), OptionalLong.empty());
    }

    static MemorySample median(List<MemorySample> runs) {
        return new MemorySample(Medians.ofPresent(runs, MemorySample::heapBytes),
                Medians.ofPresent(runs, MemorySample::rssBytes));
    }

    /** {@code heap=85MiB rss=310MiB} */
    String describe() {
        return "heap=" + BenchFormat.mebibytes(heapBytes) + " rss=" + BenchFormat.mebibytes(rssBytes);
    }
}
