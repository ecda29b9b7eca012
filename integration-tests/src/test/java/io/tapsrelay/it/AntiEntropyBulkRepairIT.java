package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapsrelay.antientropy.AntiEntropy;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.store.StoredEvent;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two relays holding the same 100 000 events but for a different random 1% each: one repair makes
 * their digests equal, and its traffic grows with the difference, not with the group.
 */
class AntiEntropyBulkRepairIT {
    private static final String GROUP = "g!bulk";
    private static final int EVENTS = 100_000;
    private static final int MISSING = EVENTS / 100;
    private static final long SEED = 0x7A95_1234L;
    private static final String NO_WORKER = "antientropy:\n  enabled: false\n";

    @TempDir
    Path dir;

    @Test
    void oneRepairEqualsTheDigestsWithTrafficBoundedByTheDifference() throws Exception {
        Random random = new Random(SEED);
        Set<Long> missingAtA = pick(random);
        Set<Long> missingAtB = pick(random);
        try (RawPeer origin = new RawPeer("bulk-origin.test", dir)) {
            TestRelay a = new TestRelay("bulk-a.test", dir);
            TestRelay b = new TestRelay("bulk-b.test", dir);
            a.with("peers:\n" + TestRelay.peerEntry(b, false) + origin.peerEntry() + NO_WORKER);
            b.with("peers:\n" + TestRelay.peerEntry(a, false) + origin.peerEntry() + NO_WORKER);
            List<StoredEvent> events = SyntheticOrigin.events(origin, GROUP, EVENTS);
            long differenceBytes = 0;
            for (StoredEvent e : events) {
                boolean atA = !missingAtA.contains(e.originSeq());
                boolean atB = !missingAtB.contains(e.originSeq());
                if (atA != atB) {
                    differenceBytes += e.recordLength();
                }
            }
            AntiEntropy aeA = new AntiEntropy();
            AntiEntropy aeB = new AntiEntropy();
            try (Relay ra = Relay.start(a.config(), List.of(aeA)); Relay rb = Relay.start(b.config(), List.of(aeB))) {
                SyntheticOrigin.append(ra, events, missingAtA::contains);
                SyntheticOrigin.append(rb, events, missingAtB::contains);
                String seed = "seed " + SEED;
                assertTrue(!aeA.digest(GROUP).rootHash().equals(aeB.digest(GROUP).rootHash()), seed);

                long started = System.nanoTime();
                JsonNode answer = AdminCalls.repair(ra, "{\"group\":\"" + GROUP + "\",\"peer\":\"" + b.serverId + "\"}");
                long millis = (System.nanoTime() - started) / 1_000_000;
                JsonNode result = answer.get("results").get(0);
                assertEquals(1, answer.get("results").size(), answer.toString());
                assertEquals("ok", result.get("result").asText(), seed + ": " + result);
                assertTrue(result.get("digests_equal").asBoolean(), seed + ": " + result);
                assertEquals(aeA.digest(GROUP).rootHash(), aeB.digest(GROUP).rootHash(), seed);
                Set<Long> either = new HashSet<>(missingAtA);
                either.retainAll(missingAtB);
                long expectedHeld = EVENTS - either.size();
                assertEquals(expectedHeld, aeA.digest(GROUP).eventCount(), seed);

                long pulled = result.get("pulled").asLong();
                long pushed = result.get("pushed").asLong();
                assertEquals(missingAtA.size() - either.size(), pulled, seed + ": " + result);
                assertEquals(missingAtB.size() - either.size(), pushed, seed + ": " + result);
                long bytes = result.get("bytes_sent").asLong() + result.get("bytes_received").asLong();
                long bound = 3 * differenceBytes + 64 * 1024;
                assertTrue(bytes <= bound, seed + ": the repair moved " + bytes + " bytes; the " + (pulled + pushed)
                        + " missing events are " + differenceBytes + " bytes, so at most " + bound + " were allowed");
                System.out.println("bulk repair: events=" + EVENTS + " pulled=" + pulled + " pushed=" + pushed
                        + " rounds=" + result.get("rounds").asInt() + " bytes=" + bytes + " missing_event_bytes="
                        + differenceBytes + " repair_ms=" + result.get("duration_ms").asLong() + " admin_call_ms=" + millis);
            }
        }
    }

    private static Set<Long> pick(Random random) {
        Set<Long> out = new HashSet<>();
        while (out.size() < MISSING) {
            out.add(1L + random.nextInt(EVENTS));
        }
        return out;
    }
}
