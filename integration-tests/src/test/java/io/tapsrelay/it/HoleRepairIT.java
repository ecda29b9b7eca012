package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.antientropy.AntiEntropy;
import io.tapsrelay.antientropy.RepairResult;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.store.StoredEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hole left by a live stream (an origin's sequence 3 never arrived, 4 did) asks for a repair of the
 * group with every peer at once, long before the worker's interval would.
 */
class HoleRepairIT {
    private static final String GROUP = "g!holes";
    private static final long SEED = 41L;

    @TempDir
    Path dir;

    @Test
    void aHoleThatStaysOpenAfterAStreamStoresIsRepairedFromAPeerAtOnce() throws Exception {
        try (RawPeer origin = new RawPeer("hole-origin.test", dir)) {
            TestRelay a = new TestRelay("hole-a.test", dir);
            TestRelay b = new TestRelay("hole-b.test", dir);
            a.with("peers:\n" + TestRelay.peerEntry(b, false) + origin.peerEntry() + "antientropy:\n  enabled: false\n");
            // An hour between runs, the first one anywhere in it: only the hole can explain a repair within seconds.
            b.with("peers:\n" + TestRelay.peerEntry(a, false) + origin.peerEntry()
                    + "antientropy:\n  interval: 1h\n  jitter: 1h\n");
            List<EventRecord> records = new ArrayList<>();
            for (long seq = 1; seq <= 4; seq++) {
                records.add(origin.signedRecord(GROUP, Ulids.next(), seq, "event " + seq));
            }
            AntiEntropy aeB = new AntiEntropy(new SplittableRandom(SEED));
            try (Relay ra = Relay.start(a.config(), List.of(new AntiEntropy()));
                    Relay rb = Relay.start(b.config(), List.of(aeB))) {
                List<StoredEvent> all = new ArrayList<>();
                for (EventRecord r : records) {
                    all.add(new StoredEvent(GROUP, r.eventId(), r.originServer(), r.originSeq(),
                            io.tapsrelay.frames.crypto.ContentHash.parse(r.contentHash()), r.raw()));
                }
                SyntheticOrigin.append(ra, all, seq -> false);

                RawStream s = origin.open(b, GROUP);
                assertEquals(200, s.status());
                s.write(origin.hello(1, List.of("*")), origin.eventFrame(2, GROUP, records.get(0)),
                        origin.eventFrame(3, GROUP, records.get(1)), origin.eventFrame(4, GROUP, records.get(3)));
                s.awaitAck(4);
                assertEquals(3, rb.store().originState(GROUP, origin.serverId).count(), "sequence 3 never came");

                Await.until("B fills the hole from A", Duration.ofSeconds(20),
                        () -> rb.store().originState(GROUP, origin.serverId).contiguousSeq() == 4);
                Await.until("B keeps the repair's result", Duration.ofSeconds(10),
                        () -> aeB.latestResults(10).stream().anyMatch(r -> r.peer().equals(a.serverId) && r.pulled() == 1));
                RepairResult fill = aeB.latestResults(10).stream()
                        .filter(r -> r.peer().equals(a.serverId) && r.pulled() == 1).findFirst().orElseThrow();
                assertEquals(RepairResult.Trigger.HOLE, fill.trigger(), "seed " + SEED + ": " + fill);
                assertTrue(fill.digestsEqual(), fill.toString());
            }
        }
    }
}
