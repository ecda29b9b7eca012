package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.crypto.EventSigning;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.store.StoredEvent;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real relays on loopback federating: fan-out in a full mesh and along a chain, and restarts. */
class FederationIT {
    private static final Duration CONVERGE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void anEventPostedAtOneRelayIsStoredAtEveryRelayOfAFullMeshWithItsSignatureIntact() throws Exception {
        TestRelay a = new TestRelay("relay-a.test", dir);
        TestRelay b = new TestRelay("relay-b.test", dir);
        TestRelay c = new TestRelay("relay-c.test", dir);
        a.with("peers:\n" + TestRelay.peerEntry(b, true) + TestRelay.peerEntry(c, true));
        b.with("peers:\n" + TestRelay.peerEntry(a, true) + TestRelay.peerEntry(c, true));
        c.with("peers:\n" + TestRelay.peerEntry(a, true) + TestRelay.peerEntry(b, true));
        try (Relay ra = a.start(); Relay rb = b.start(); Relay rc = c.start(); RawPeer script = new RawPeer("script.test", dir)) {
            long seq = Clients.send(script, ra, a, "g!mesh", "hello mesh");
            assertEquals(1, seq);
            for (Relay r : new Relay[] {rb, rc}) {
                Await.until(r.serverId() + " stores the event", CONVERGE,
                        () -> r.store().get("g!mesh", a.serverId, 1).isPresent());
            }
            assertSameSignedRecordEverywhere(ra, "g!mesh", a.serverId, 1, rb, rc);
        }
    }

    @Test
    void anEventTravelsAlongAChainAndVerifiesAtEveryHop() throws Exception {
        TestRelay a = new TestRelay("chain-a.test", dir);
        TestRelay b = new TestRelay("chain-b.test", dir);
        TestRelay c = new TestRelay("chain-c.test", dir);
        // C never streams with A; it knows A's URL only to fetch A's key.
        a.with("peers:\n" + TestRelay.peerEntry(b, true));
        b.with("peers:\n" + TestRelay.peerEntry(a, true) + TestRelay.peerEntry(c, true));
        c.with("peers:\n" + TestRelay.peerEntry(b, true) + TestRelay.peerEntry(a, false));
        try (Relay ra = a.start(); Relay rb = b.start(); Relay rc = c.start(); RawPeer script = new RawPeer("script.test", dir)) {
            for (int i = 1; i <= 20; i++) {
                assertEquals(i, Clients.send(script, ra, a, "g!chain", "event " + i));
            }
            Await.until("C holds all 20 events from A", CONVERGE,
                    () -> rc.store().originState("g!chain", a.serverId).contiguousSeq() == 20);
            assertSameSignedRecordEverywhere(ra, "g!chain", a.serverId, 20, rb, rc);
            assertTrue(rc.sessions().sessions().stream().noneMatch(s -> s.peer().equals(a.serverId)),
                    "C has no stream with A: the events came through B");
        }
    }

    @Test
    void aRestartedRelayLosesNothingAndIsNotSentAcknowledgedEventsAgain() throws Exception {
        TestRelay a = new TestRelay("restart-a.test", dir);
        TestRelay b = new TestRelay("restart-b.test", dir);
        a.with("peers:\n" + TestRelay.peerEntry(b, true));
        b.with("peers:\n" + TestRelay.peerEntry(a, true));
        try (Relay ra = a.start(); RawPeer script = new RawPeer("script.test", dir)) {
            Relay rb = b.start();
            for (int i = 1; i <= 50; i++) {
                Clients.send(script, ra, a, "g!restart", "before " + i);
            }
            Await.until("B holds the first 50", CONVERGE,
                    () -> rb.store().originState("g!restart", a.serverId).contiguousSeq() == 50);
            Await.until("A saw B acknowledge all 50", CONVERGE,
                    () -> ra.store().deliveryCursors(b.serverId, "g!restart").getOrDefault(a.serverId, 0L) == 50);
            rb.close();
            for (int i = 51; i <= 100; i++) {
                Clients.send(script, ra, a, "g!restart", "while B is down " + i);
            }
            try (Relay rb2 = b.start()) {
                Await.until("B catches up to 100 after its restart", CONVERGE,
                        () -> rb2.store().originState("g!restart", a.serverId).contiguousSeq() == 100);
                assertEquals(0, rb2.intake().counters().duplicates(),
                        "B was sent nothing it had already acknowledged");
                assertEquals(100, rb2.store().originState("g!restart", a.serverId).count());
            }
        }
    }

    private static void assertSameSignedRecordEverywhere(Relay origin, String group, String originServer, long seq,
            Relay... others) {
        StoredEvent original = origin.store().get(group, originServer, seq).orElseThrow();
        EventRecord record = EventRecord.parse(original.record());
        Ed25519Keys.PublicKey key = Ed25519Keys.publicKey(origin.signingKeys().current().publicKey()).orElseThrow();
        for (Relay r : others) {
            StoredEvent copy = r.store().get(group, originServer, seq).orElseThrow();
            assertArrayEquals(original.record(), copy.record(), "the record is relayed byte for byte");
            EventRecord relayed = EventRecord.parse(copy.record());
            assertTrue(EventSigning.verify(key, EventSigning.signingInput(group, relayed), relayed.signature()),
                    "the origin's signature verifies at " + r.serverId());
        }
    }
}
