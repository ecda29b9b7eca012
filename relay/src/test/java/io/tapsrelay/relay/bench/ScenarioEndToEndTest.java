package io.tapsrelay.relay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.relay.store.OriginState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each scenario run for real against relays started in this JVM, with loads small enough to take
 * seconds; what the relays stored is checked, not how fast (timing is the command's job).
 */
class ScenarioEndToEndTest {
    private static final long SEED = 5;

    private final InProcessRelays relays = new InProcessRelays();
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void everyIngestedEventIsAcknowledgedAndStoredOnEveryStream() throws Exception {
        LoadSet load = LoadSet.sign(new LoadShape(2000, 128, 2, 64, 0), LoadSet.groups("it", 2), SEED);
        IngestResult r = new IngestBench(relays).ingest(load, deadline("ingest"));
        assertEquals(2000, r.load().events());
        assertEquals(2000, r.load().latency().count(), "one ACK latency per event");
        Map<String, List<OriginState>> held = relays.storedAtClose.get("relay.bench");
        assertEquals(1000, only(held, "g!it-1", "load-1.bench").contiguousSeq());
        assertEquals(1000, only(held, "g!it-2", "load-2.bench").contiguousSeq());
        assertEquals(1000, only(held, "g!it-2", "load-2.bench").count());
        assertEquals(1000, only(held, "g!warmup-1", "load-1.bench").count(), "each stream's peer warmed up first");
        assertEquals(1000, only(held, "g!warmup-2", "load-2.bench").count(), "in a group of its own");
    }

    @Test
    void aPacedStreamStillDeliversEveryEvent() throws Exception {
        LoadSet load = LoadSet.sign(new LoadShape(200, 64, 1, 16, 2000), LoadSet.groups("paced", 1), SEED);
        IngestResult r = new IngestBench(relays).ingest(load, deadline("ingest"));
        assertEquals(200, r.load().latency().count());
        assertEquals(200, only(relays.storedAtClose.get("relay.bench"), "g!paced-1", "load-1.bench").count());
        assertEquals(200, only(relays.storedAtClose.get("relay.bench"), "g!warmup-1.w2", "load-1.bench").count(),
                "after the unpaced warm-up round, a paced one in groups of its own");
    }

    @Test
    void theSameEventsSentAgainAreAcknowledgedButNotStoredTwice() throws Exception {
        LoadSet load = LoadSet.sign(new LoadShape(500, 64, 1, 32, 0), LoadSet.groups("dup", 1), SEED);
        DuplicatesResult r = new IngestBench(relays).duplicates(load, deadline("duplicates"));
        assertEquals(500, r.first().latency().count());
        assertEquals(500, r.again().latency().count());
        OriginState state = only(relays.storedAtClose.get("relay.bench"), "g!dup-1", "load-1.bench");
        assertEquals(500, state.count());
        assertEquals(500, state.maxSeq());
    }

    @Test
    void aPeerThatNeverGrantsCreditIsSentNothingAndKeptOpenWhileTheLoadIsStored() throws Exception {
        LoadSet load = StalledBench.sign(new LoadShape(300, 64, 1, 32, 0), SEED);
        StalledResult r = new StalledBench(relays).run(load, deadline("stalled"));
        assertEquals(0, r.eventsWithoutCredit());
        assertTrue(r.stalledStreamOpen());
        assertEquals(300, only(relays.storedAtClose.get("relay.bench"), StalledBench.GROUP, "load-1.bench").count());
    }

    @Test
    void eventsSentIntoRelayAAreSeenAsBForwardsThemOnceStored() throws Exception {
        LoadSet load = RelayBench.sign(new LoadShape(300, 64, 1, 32, 0), SEED);
        RelayResult r = new RelayBench(relays).run(load, deadline("relay"));
        assertEquals(300, r.endToEnd().latency().count(), "every event arrived from B");
        assertEquals(300, r.ackAtA().count());
        Map<String, OriginState> atB = relays.storedAtClose.get("relay-b.bench").get("g!relay-1").stream()
                .collect(Collectors.toMap(OriginState::originServer, s -> s));
        assertEquals(300, atB.get("load-1.bench").contiguousSeq());
        assertEquals(300, atB.get(LoadSet.WARM_UP_ID).count(), "the warm-up events took the same path first");
    }

    @Test
    void theServicePrintsOneLinePerRunAndTheMedian() {
        List<String> lines = new ArrayList<>();
        boolean ok = new Bench(relays, output(lines)).run(new BenchOptions(Scenario.INGEST, OptionalInt.of(300), 64, 1, 32, 0, 2,
                Duration.ofMinutes(1)));
        assertTrue(ok, "progress: " + progress);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("ingest streams=1 events=300 size=64 window=32 (run 1/2): "), lines.get(0));
        assertTrue(lines.get(2).startsWith("ingest streams=1 events=300 size=64 window=32 (median of 2): "), lines.get(2));
        assertTrue(lines.get(2).endsWith("relay heap=n/a rss=n/a cpu=n/a generator=n/a"), lines.get(2));
    }

    @Test
    void latencyPacesOneAndFourStreamsAtTheGivenRateAndAtHalfOfItOnAFreshRelayEach() {
        List<String> lines = new CopyOnWriteArrayList<>();
        boolean ok = new Bench(relays, output(lines)).run(new BenchOptions(Scenario.LATENCY, OptionalInt.of(400), 64, 1,
                32, 4000, 1, Duration.ofMinutes(1)));
        assertTrue(ok, "progress: " + progress);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("latency streams=1 events=400 size=64 window=32 rate=4000 (--rate): "),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("latency streams=1 events=400 size=64 window=32 rate=2000 (half of 4000): "),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("latency streams=4 events=400 size=64 window=32 rate=4000 (--rate): "),
                lines.get(2));
        assertTrue(lines.get(3).startsWith("latency streams=4 events=400 size=64 window=32 rate=2000 (half of 4000): "),
                lines.get(3));
        for (String line : lines) {
            assertTrue(line.matches(".*; p99 under (50|5)ms: (met|NOT met)"), line);
        }
        assertEquals(100, only(relays.storedAtClose.get("relay.bench"), "g!latency-4", "load-4.bench").count(),
                "the last relay took the four-stream load at half the rate");
    }

    private BenchOutput output(List<String> lines) {
        return new BenchOutput() {
            @Override
            public void result(String line) {
                lines.add(line);
            }

            @Override
            public void progress(String line) {
                progress.add(line);
            }
        };
    }

    private Deadline deadline(String scenario) {
        return new Deadline(scenario, Duration.ofMinutes(1), progress::add);
    }

    private static OriginState only(Map<String, List<OriginState>> held, String group, String origin) {
        List<OriginState> states = held.get(group);
        assertEquals(1, states.size(), group + " holds " + states);
        assertEquals(origin, states.get(0).originServer());
        return states.get(0);
    }
}
