package io.tapsrelay.relay.bench;

import java.util.OptionalLong;

/**
 * The report's lines: one per scenario run, and one with the median when there were several. Each
 * line names the scenario and its parameters, then the figures, so a line pasted alone still says
 * what was measured.
 */
final class BenchReport {
    private BenchReport() {}

    /** {@code ""} for a single run, else {@code " (run 2/3)"}. */
    static String runLabel(int run, int runs) {
        return runs == 1 ? "" : " (run " + run + "/" + runs + ")";
    }

    /** {@code " (median of 3)"} */
    static String medianLabel(int runs) {
        return " (median of " + runs + ")";
    }

    /** {@code crypto size=256: 1 thread 9200 verifications/s, 2 threads 17400 verifications/s (1.89x one thread)} */
    static String crypto(CryptoResult r, String label) {
        return "crypto size=" + r.size() + label + ": 1 thread " + BenchFormat.count(r.oneThreadPerSecond())
                + " verifications/s, " + r.threads() + (r.threads() == 1 ? " thread " : " threads ")
                + BenchFormat.count(r.allThreadsPerSecond()) + " verifications/s (" + BenchFormat.ratio(r.scaling())
                + " one thread)";
    }

    /** {@code ingest streams=1 events=100000 size=256 window=1024: 9850 events/s 4.1 MB/s ack p50=… relay heap=… rss=…} */
    static String ingest(IngestResult r, String label) {
        return "ingest " + r.shape().describe() + label + ": " + throughput(r.load()) + " ack "
                + BenchFormat.percentiles(r.load().latency()) + " relay " + r.relay().describe() + " "
                + cpu(r.load());
    }

    /**
     * {@code latency streams=1 events=60000 size=256 window=1024 rate=10500 (75% of 14000
     * verifications/s): 10496 events/s 9.2 MB/s ack p50=… p99=… p999=…, 0 held for credit, relay
     * cpu=…/event generator=…/event; p99 under 50ms: met}
     */
    static String latency(LatencyResult r, String label) {
        LatencyTarget t = r.target();
        return "latency " + r.shape().describe() + " (" + t.basis() + ")" + label + ": " + throughput(r.load())
                + " ack " + BenchFormat.percentiles(r.load().latency()) + ", " + r.load().heldForCredit()
                + " held for credit, relay " + cpu(r.load()) + "; p99 under " + t.p99().toMillis() + "ms: "
                + (r.met() ? "met" : "NOT met");
    }

    static String duplicates(DuplicatesResult r, String label) {
        return "duplicates " + r.shape().describe() + label + ": first pass " + throughput(r.first())
                + ", same events again " + throughput(r.again()) + " (" + BenchFormat.ratio(r.ratio())
                + " the first pass) duplicate ack " + BenchFormat.percentiles(r.again().latency())
                + " relay " + r.relay().describe() + " " + cpu(r.first()) + " then " + cpu(r.again());
    }

    static String relay(RelayResult r, String label) {
        return "relay " + r.shape().describe() + label + ": " + throughput(r.endToEnd()) + " end to end, A to stored at B "
                + BenchFormat.percentiles(r.endToEnd().latency()) + ", ack at A "
                + BenchFormat.percentiles(r.ackAtA()) + ", relay A " + r.relayA().describe() + ", relay B "
                + r.relayB().describe() + ", A+B " + cpu(r.endToEnd());
    }

    static String stalled(StalledResult r, String label) {
        String ratio = r.heapRatio().isPresent() ? BenchFormat.ratio(r.heapRatio().getAsDouble()) : "n/a";
        return "stalled " + r.shape().describe() + label + ": relay heap before=" + BenchFormat.mebibytes(r.before().heapBytes())
                + " after=" + BenchFormat.mebibytes(r.after().heapBytes()) + " ratio=" + ratio
                + ", rss before=" + BenchFormat.mebibytes(r.before().rssBytes())
                + " after=" + BenchFormat.mebibytes(r.after().rssBytes())
                + ", " + r.eventsWithoutCredit() + " events sent to the stalled peer, its stream "
                + (r.stalledStreamOpen() ? "still open" : "CLOSED") + "; stored at " + throughput(r.ingest()) + " "
                + cpu(r.ingest());
    }

    /**
     * {@code cpu=152us/event generator=3us/event}: the relays' CPU time over the phase, per event,
     * then the load generator's, which took the same cores from them.
     */
    static String cpu(LoadFigures f) {
        return "cpu=" + perEvent(f.relayCpuNanosPerEvent()) + " generator=" + perEvent(f.generatorCpuNanosPerEvent());
    }

    private static String perEvent(OptionalLong nanos) {
        return nanos.isPresent() ? BenchFormat.duration(nanos.getAsLong()) + "/event" : "n/a";
    }

    private static String throughput(LoadFigures f) {
        return BenchFormat.count(f.eventsPerSecond()) + " events/s " + BenchFormat.megabytesPerSecond(f.bytesPerSecond());
    }
}
