package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapsrelay.antientropy.AntiEntropy;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.store.Equivocation;
import io.tapsrelay.relay.store.StoredEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An origin that signed two events for one sequence, one held by each relay: a repair finds it through
 * the block hashes, both relays keep the evidence and their own first event, and operators see it.
 */
class EquivocationRepairIT {
    private static final String GROUP = "g!liar";
    private static final long EVENTS = 3000;
    private static final long CONTESTED = 1500;
    private static final String NO_WORKER = "antientropy:\n  enabled: false\n";

    @TempDir
    Path dir;

    @Test
    void anEquivocationHeldAcrossTwoRelaysIsDetectedReportedAndTheFirstEventStaysAtEach() throws Exception {
        try (RawPeer liar = new RawPeer("liar.test", dir)) {
            TestRelay a = new TestRelay("eq-a.test", dir);
            TestRelay b = new TestRelay("eq-b.test", dir);
            a.with("peers:\n" + TestRelay.peerEntry(b, false) + liar.peerEntry() + NO_WORKER);
            b.with("peers:\n" + TestRelay.peerEntry(a, false) + liar.peerEntry() + NO_WORKER);
            List<StoredEvent> shared = SyntheticOrigin.events(liar, GROUP, EVENTS);
            StoredEvent toA = SyntheticOrigin.event(liar, GROUP, CONTESTED, "the version A holds");
            StoredEvent toB = SyntheticOrigin.event(liar, GROUP, CONTESTED, "the version B holds");
            try (Relay ra = Relay.start(a.config(), List.of(new AntiEntropy()));
                    Relay rb = Relay.start(b.config(), List.of(new AntiEntropy()))) {
                SyntheticOrigin.append(ra, with(shared, toA), seq -> false);
                SyntheticOrigin.append(rb, with(shared, toB), seq -> false);

                String request = "{\"group\":\"" + GROUP + "\",\"peer\":\"" + b.serverId + "\"}";
                JsonNode result = AdminCalls.repair(ra, request).get("results").get(0);
                assertEquals("diverged", result.get("result").asText(), result.toString());
                assertEquals(1, result.get("divergent").asInt(), result.toString());
                assertFalse(result.get("digests_equal").asBoolean());
                assertTrue(result.get("error").isNull(), result.toString());
                assertTrue(result.get("bytes_received").asLong() < 1024 * 1024,
                        "only the differing block came back: " + result);

                assertEvidence(ra, toA, toB);
                assertEvidence(rb, toB, toA);

                JsonNode again = AdminCalls.repair(ra, request).get("results").get(0);
                assertEquals("diverged", again.get("result").asText(), again.toString());
                assertEquals(1, ra.store().equivocationCount(), "a second repair keeps the same evidence once");

                JsonNode status = AdminCalls.status(ra).get("equivocations");
                assertEquals(1, status.get("count").asInt(), status.toString());
                JsonNode latest = status.get("latest").get(0);
                assertEquals(CONTESTED, latest.get("origin_seq").asLong());
                assertEquals(liar.serverId, latest.get("origin_server").asText());
                assertEquals(toA.eventId(), latest.get("kept_event_id").asText());
                assertEquals(toB.eventId(), latest.get("rejected_event_id").asText());
                JsonNode repairs = AdminCalls.status(ra).get("repairs");
                assertEquals("diverged", repairs.get(0).get("result").asText(), repairs.toString());

                for (Relay r : List.of(ra, rb)) {
                    String metrics = AdminCalls.metrics(r);
                    assertTrue(metrics.contains("\ntaps_equivocations_total 1\n"), r.serverId() + ":\n" + metrics);
                }
                assertTrue(AdminCalls.metrics(ra).contains("taps_repair_runs_total{result=\"diverged\"} 2\n"));
            }
        }
    }

    private static List<StoredEvent> with(List<StoredEvent> shared, StoredEvent contested) {
        List<StoredEvent> out = new ArrayList<>(shared);
        out.set((int) CONTESTED - 1, contested);
        return out;
    }

    private static void assertEvidence(Relay relay, StoredEvent kept, StoredEvent rejected) {
        assertEquals(kept, relay.store().get(GROUP, kept.originServer(), CONTESTED).orElseThrow(),
                relay.serverId() + " keeps the event it held first");
        List<Equivocation> evidence = relay.store().equivocations(GROUP);
        assertEquals(1, evidence.size(), relay.serverId() + ": " + evidence);
        assertEquals(kept.eventId(), evidence.get(0).keptEventId());
        assertEquals(rejected.eventId(), evidence.get(0).rejectedEventId());
        assertEquals(EVENTS, relay.store().originState(GROUP, kept.originServer()).count());
    }
}
