package io.tapsrelay.relay.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.config.LimitsConfig;
import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.relay.quota.PeerQuotas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How read cycles become batches: at once while intake is idle, coalesced while it is busy. */
class StreamSessionBatchingTest {
    @TempDir
    Path dir;

    private SessionHarness h;

    @BeforeEach
    void open() throws Exception {
        h = new SessionHarness(dir, new PeerQuotas(LimitsConfig.defaults(), 16385, System::nanoTime));
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    @Test
    void readsWhileTwoBatchesAreInIntakeWaitAndGoTogetherAsOneBatch() throws Exception {
        List<Frame> events = new ArrayList<>();
        for (int cycle = 1; cycle <= 5; cycle++) {
            events.add(h.receive(FrameType.EVENT, SessionHarness.record(cycle), SessionHarness.GROUP));
            h.readComplete();
        }
        assertEquals(0, h.count(FrameType.ACK), "every batch is held in intake");
        assertEquals(2, h.batchesDispatched(), "cycles 3, 4 and 5 wait");

        h.keyLookup().complete(Optional.empty());
        h.awaitOnLoop(() -> h.errors("unknown_origin_key").size() == 5);
        h.awaitOnLoop(() -> !ackedThrough().isEmpty()
                && ackedThrough().get(ackedThrough().size() - 1) == events.get(4).sequence());

        assertEquals(3, h.batchesAnswered(), "cycles 1 and 2 went alone; 3, 4 and 5 went together");
        assertEquals(SessionHarness.WINDOW_EVENTS + 5, h.creditEvents(), "every event's credit came back");
    }

    @Test
    void batchesDoneTogetherAreAnsweredWithOneAckAndOneCredit() throws Exception {
        for (int cycle = 1; cycle <= 2; cycle++) {
            h.receive(FrameType.EVENT, SessionHarness.record(cycle), SessionHarness.GROUP);
            h.readComplete();
        }
        // Completed on the loop, so both are done before either is answered.
        h.on(() -> h.keyLookup().complete(Optional.empty()));
        h.awaitOnLoop(() -> h.batchesAnswered() == 2);

        assertEquals(1, h.count(FrameType.ACK));
        assertEquals(2, h.errors("unknown_origin_key").size());
        assertEquals(2, h.count(FrameType.CREDIT), "the window at HELLO, then one grant for both");
        assertEquals(SessionHarness.WINDOW_EVENTS + 2, h.creditEvents());
        int lastError = h.written().size() - 1;
        while (!(h.written().get(lastError).payload() instanceof ErrorPayload)) {
            lastError--;
        }
        assertTrue(h.indexOf(f -> f.knownType() == FrameType.ACK) > lastError, "the ACK follows both ERRORs");
    }

    @Test
    void aWaitingBatchGoesToIntakeOnceItHolds64Events() throws Exception {
        for (int cycle = 1; cycle <= 2; cycle++) {
            h.receive(FrameType.EVENT, SessionHarness.record(cycle), SessionHarness.GROUP);
            h.readComplete();
        }
        for (int seq = 3; seq < 3 + 63; seq++) {
            h.receive(FrameType.EVENT, SessionHarness.record(seq), SessionHarness.GROUP);
        }
        h.readComplete();
        assertEquals(2, h.batchesDispatched(), "63 events wait for the pipeline");
        h.receive(FrameType.EVENT, SessionHarness.record(66), SessionHarness.GROUP);
        h.readComplete();
        assertEquals(3, h.batchesDispatched(), "the 64th sends them without waiting");

        h.keyLookup().complete(Optional.empty());
        h.awaitOnLoop(() -> h.batchesAnswered() == 3);
        assertEquals(66, h.errors("unknown_origin_key").size());
    }

    @Test
    void aReadWithNothingInIntakeGoesToIntakeAtOnce() throws Exception {
        h.keyLookup().complete(Optional.empty());
        for (int cycle = 1; cycle <= 3; cycle++) {
            Frame event = h.receive(FrameType.EVENT, SessionHarness.record(cycle), SessionHarness.GROUP);
            h.readComplete();
            int acks = cycle;
            h.awaitOnLoop(() -> h.count(FrameType.ACK) == acks);
            assertEquals(event.sequence(), ackedThrough().get(cycle - 1));
        }
    }

    @Test
    void aPeerThatEndsItsSideWhileReadsWaitGetsThemAnsweredBeforeTheStreamCloses() throws Exception {
        Frame last = null;
        for (int cycle = 1; cycle <= 4; cycle++) {
            last = h.receive(FrameType.EVENT, SessionHarness.record(cycle), SessionHarness.GROUP);
            h.readComplete();
        }
        h.on(() -> {
            h.session().onRemoteEnd();
            return null;
        });
        assertFalse(h.on(h.session()::isClosed), "four events are still unanswered");

        h.keyLookup().complete(Optional.empty());
        h.awaitOnLoop(h.session()::isClosed);
        assertEquals(4, h.errors("unknown_origin_key").size());
        assertEquals(last.sequence(), ackedThrough().get(ackedThrough().size() - 1));
    }

    private List<Long> ackedThrough() {
        return h.written().stream().filter(f -> f.knownType() == FrameType.ACK)
                .map(f -> ((Ack) f.payload()).throughSequence()).toList();
    }
}
