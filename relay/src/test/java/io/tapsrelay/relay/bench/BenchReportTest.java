package io.tapsrelay.relay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static final LoadShape SHAPE = new LoadShape(100_000, 256, 1, 1024, 0);
    private static final long MIB = 1 << 20;

    @Test
    void anIngestLineNamesItsParametersAndEveryFigure() {
        IngestResult r = new IngestResult(SHAPE, figures(9850, 4.1e6, 2_100_000, 8_300_000, 15_000_000),
                new MemorySample(OptionalLong.of(85 * MIB), OptionalLong.of(310 * MIB)));
        assertEquals("ingest streams=1 events=100000 size=256 window=1024: 9850 events/s 4.1 MB/s ack p50=2.1ms"
                + " p99=8.3ms p999=15.0ms relay heap=85MiB rss=310MiB cpu=210us/event generator=21us/event",
                BenchReport.ingest(r, ""));
    }

    @Test
    void unmeasuredMemoryReadsNotAvailableAndARateIsNamed() {
        IngestResult r = new IngestResult(new LoadShape(2000, 64, 2, 16, 500), new LoadFigures(2000, 480, 1e5,
                new LatencySummary(2000, 850_000, 990_000, 1_500_000_000, 1_600_000_000), 0, OptionalLong.empty(), OptionalLong.empty()),
                MemorySample.unavailable());
        assertEquals("ingest streams=2 events=2000 size=64 window=16 rate=500 (run 2/3): 480 events/s 0.1 MB/s"
                + " ack p50=850us p99=990us p999=1.50s relay heap=n/a rss=n/a cpu=n/a generator=n/a",
                BenchReport.ingest(r, BenchReport.runLabel(2, 3)));
    }

    @Test
    void theMedianOfThreeRunsTakesEachFigureFromTheMiddleRun() {
        List<IngestResult> runs = List.of(
                new IngestResult(SHAPE, figures(9000, 4e6, 2_000_000, 8_000_000, 9_000_000), memory(80)),
                new IngestResult(SHAPE, figures(11000, 5e6, 1_000_000, 9_000_000, 20_000_000), memory(90)),
                new IngestResult(SHAPE, figures(10000, 4.5e6, 3_000_000, 7_000_000, 10_000_000), memory(70)));
        assertEquals("ingest streams=1 events=100000 size=256 window=1024 (median of 3): 10000 events/s 4.5 MB/s"
                + " ack p50=2.0ms p99=8.0ms p999=10.0ms relay heap=80MiB rss=160MiB cpu=200us/event generator=20us/event",
                BenchReport.ingest(IngestResult.median(runs), BenchReport.medianLabel(3)));
    }

    @Test
    void aLatencyLineNamesTheRateItsBasisTheFiguresAndWhetherTheTargetWasMet() {
        LatencyTarget full = LatencyTarget.of(new CryptoResult(256, 2, 7_000, 14_000)).get(0);
        LoadShape shape = new LoadShape(60_000, 256, 4, 1024, full.rate());
        LoadFigures met = new LoadFigures(60_000, 10_480, 9.2e6, new LatencySummary(60_000, 1_200_000, 8_100_000,
                20_300_000, 30_000_000), 12, OptionalLong.of(150_000), OptionalLong.of(6_000));
        assertEquals("latency streams=4 events=60000 size=256 window=1024 rate=10500 (75% of 14000 verifications/s):"
                + " 10480 events/s 9.2 MB/s ack p50=1.2ms p99=8.1ms p999=20.3ms, 12 held for credit, relay"
                + " cpu=150us/event generator=6us/event; p99 under 50ms: met",
                BenchReport.latency(new LatencyResult(shape, full, met), ""));
        LatencyTarget half = LatencyTarget.ofRate(10_500).get(1);
        assertTrue(BenchReport.latency(new LatencyResult(shape.withRate(half.rate()), half, met), " (run 1/3)")
                .startsWith("latency streams=4 events=60000 size=256 window=1024 rate=5250 (half of 10500) (run 1/3): "));
        assertTrue(BenchReport.latency(new LatencyResult(shape, half, met), "").endsWith("p99 under 5ms: NOT met"));
    }

    @Test
    void aDuplicatesLineComparesTheSecondPassWithTheFirst() {
        DuplicatesResult r = new DuplicatesResult(SHAPE, figures(10_000, 7e6, 2_000_000, 5_000_000, 6_000_000),
                figures(62_000, 4.3e7, 500_000, 900_000, 1_000_000), memory(40));
        assertEquals("duplicates streams=1 events=100000 size=256 window=1024: first pass 10000 events/s 7.0 MB/s,"
                + " same events again 62000 events/s 43.0 MB/s (6.20x the first pass) duplicate ack p50=500us"
                + " p99=900us p999=1.0ms relay heap=40MiB rss=80MiB cpu=200us/event generator=20us/event"
                + " then cpu=50us/event generator=5us/event",
                BenchReport.duplicates(r, ""));
    }

    @Test
    void aRelayLineGivesEndToEndFiguresAckLatencyAtAAndBothRelays() {
        RelayResult r = new RelayResult(SHAPE, figures(5000, 4e6, 40_000_000, 90_000_000, 120_000_000),
                new LatencySummary(100_000, 2_000_000, 5_000_000, 9_000_000, 9_000_000), memory(30), memory(31));
        assertEquals("relay streams=1 events=100000 size=256 window=1024: 5000 events/s 4.0 MB/s end to end, A to stored"
                + " at B p50=40.0ms p99=90.0ms p999=120.0ms, ack at A p50=2.0ms p99=5.0ms p999=9.0ms, relay A"
                + " heap=30MiB rss=60MiB, relay B heap=31MiB rss=62MiB, A+B cpu=4.0ms/event generator=400us/event",
                BenchReport.relay(r, ""));
    }

    @Test
    void aCryptoLineGivesOneThreadAllThreadsAndTheirRatio() {
        assertEquals("crypto size=256: 1 thread 9200 verifications/s, 2 threads 17480 verifications/s"
                + " (1.90x one thread)", BenchReport.crypto(new CryptoResult(256, 2, 9200, 17_480), ""));
    }

    @Test
    void aStalledLineGivesTheHeapBeforeAfterAndTheirRatio() {
        StalledResult r = new StalledResult(new LoadShape(1_000_000, 256, 1, 1024, 0), memory(20), memory(25), 0, true,
                figures(4000, 2.8e6, 1_000_000, 2_000_000, 3_000_000));
        assertEquals("stalled streams=1 events=1000000 size=256 window=1024: relay heap before=20MiB after=25MiB"
                + " ratio=1.25x, rss before=40MiB after=50MiB, 0 events sent to the stalled peer, its stream still"
                + " open; stored at 4000 events/s 2.8 MB/s cpu=100us/event"
                + " generator=10us/event", BenchReport.stalled(r, ""));
    }

    private static LoadFigures figures(double eps, double bps, long p50, long p99, long p999) {
        return new LoadFigures(100_000, eps, bps, new LatencySummary(100_000, p50, p99, p999, p999), 0,
                OptionalLong.of(p50 / 10), OptionalLong.of(p50 / 100));
    }

    private static MemorySample memory(long heapMib) {
        return new MemorySample(OptionalLong.of(heapMib * MIB), OptionalLong.of(2 * heapMib * MIB));
    }
}
