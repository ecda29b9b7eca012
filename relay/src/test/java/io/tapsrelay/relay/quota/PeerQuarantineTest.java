package io.tapsrelay.relay.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.relay.engine.IntakeResult;
import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.store.RocksEventStore;
import io.tapsrelay.relay.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerQuarantineTest {
    private static final String PEER = "bad.example";

    @TempDir
    Path dir;

    private EventStore store;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z").toEpochMilli());
    private final List<String> closed = new ArrayList<>();

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private PeerQuarantine open() {
        if (store != null) {
            store.close();
        }
        store = RocksEventStore.open(dir, false);
        return new PeerQuarantine(store, clock, 3, Duration.ofMinutes(10), closed::add);
    }

    private static IntakeResult.Rejected rejected(ErrorCode code) {
        return new IntakeResult.Rejected("01J0000000000000000000000A", 1L, code, code.wireName());
    }

    @Test
    void thresholdOffencesWithinTheWindowQuarantineThePeerAndCloseItsStreams() {
        PeerQuarantine q = open();
        q.onRejected(PEER, rejected(ErrorCode.INVALID_SIGNATURE));
        q.onRejected(PEER, rejected(ErrorCode.EQUIVOCATION));
        assertFalse(q.isQuarantined(PEER));
        q.onRejected(PEER, rejected(ErrorCode.INVALID_SIGNATURE));
        assertTrue(q.isQuarantined(PEER));
        assertEquals(List.of(PEER), closed);
        QuarantineEntry e = q.list().get(0);
        assertTrue(e.automatic());
        assertEquals(clock.millis(), e.sinceMs());
        assertTrue(e.reason().startsWith("3 invalid signatures or equivocations"), e.reason());
    }

    @Test
    void otherRefusalsAreNotOffences() {
        PeerQuarantine q = open();
        for (int i = 0; i < 10; i++) {
            q.onRejected(PEER, rejected(ErrorCode.INVALID_EVENT));
            q.onRejected(PEER, rejected(ErrorCode.UNKNOWN_ORIGIN_KEY));
            q.onRejected(PEER, rejected(ErrorCode.RATE_LIMITED));
        }
        assertFalse(q.isQuarantined(PEER));
    }

    @Test
    void offencesOlderThanTheWindowNoLongerCount() {
        PeerQuarantine q = open();
        q.offence(PEER, "invalid_signature");
        q.offence(PEER, "invalid_signature");
        clock.advance(Duration.ofMinutes(10));
        q.offence(PEER, "invalid_signature");
        q.offence(PEER, "invalid_signature");
        assertFalse(q.isQuarantined(PEER), "the first two fell out of the window");
        q.offence(PEER, "invalid_signature");
        assertTrue(q.isQuarantined(PEER));
    }

    @Test
    void theListSurvivesAReopenAndAReleaseIsPersistedToo() {
        PeerQuarantine q = open();
        q.quarantine(PEER, "seen spamming");
        q.quarantine("other.example", "manual");
        q.release("other.example");

        PeerQuarantine reopened = open();
        assertTrue(reopened.isQuarantined(PEER));
        assertFalse(reopened.isQuarantined("other.example"));
        QuarantineEntry e = reopened.list().get(0);
        assertEquals("seen spamming", e.reason());
        assertFalse(e.automatic());
        assertEquals(clock.millis(), e.sinceMs());
    }

    @Test
    void quarantiningTwiceKeepsTheFirstEntryAndReleasingAFreePeerFindsNothing() {
        PeerQuarantine q = open();
        QuarantineEntry first = q.quarantine(PEER, "first");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(first, q.quarantine(PEER, "second"));
        assertEquals(List.of(PEER), closed);
        assertEquals(Optional.of(first), q.release(PEER));
        assertEquals(Optional.empty(), q.release(PEER));
    }

    @Test
    void aReleasedPeerStartsCountingOffencesAfresh() {
        PeerQuarantine q = open();
        q.offence(PEER, "x");
        q.offence(PEER, "x");
        q.release(PEER);
        q.offence(PEER, "x");
        q.offence(PEER, "x");
        assertFalse(q.isQuarantined(PEER));
    }
}
