package io.tapsrelay.relay.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.Credit;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.Payload;
import io.tapsrelay.frames.Ping;
import io.tapsrelay.frames.Pong;
import io.tapsrelay.frames.validate.Ulids;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A load peer against a scripted relay: frames in by hand, lines out to a {@link RecordingOutlet}. */
class LoadPeerTest {
    private static final String GROUP = "g!credit";
    private static final int EVENTS = 40;
    private static final long SEED = 99;

    private static EventCorpus corpus;
    private final RecordingOutlet outlet = new RecordingOutlet();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private LoadPeer peer;
    private long relaySequence;

    @BeforeEach
    void open() throws Exception {
        if (corpus == null) {
            corpus = EventCorpus.sign(PeerIdentity.create("load.test"), GROUP, EVENTS, 100, SEED);
        }
        peer = new LoadPeer(corpus, 16_384);
        peer.opened(outlet, loop);
        relay(FrameType.HELLO, new Hello("relay.test", "1.0.0", List.of("stream"), List.of("*"), 16_384));
    }

    @AfterEach
    void stop() {
        loop.shutdownNow();
    }

    @Test
    void itsFirstFrameIsAHelloForItsGroupWithSequenceOne() {
        Frame hello = outlet.written.get(0).frame();
        assertEquals(FrameType.HELLO, hello.knownType());
        assertEquals(1, hello.sequence());
        assertEquals(List.of(GROUP), ((Hello) hello.payload()).supportedGroups());
    }

    @Test
    void itIsReadyOnlyOnceTheRelayGrantedCredit() {
        assertFalse(peer.ready().isDone());
        relay(FrameType.CREDIT, new Credit(1, 100_000));
        assertTrue(peer.ready().isDone());
    }

    @Test
    void neverSendsMoreEventsThanGranted() {
        relay(FrameType.CREDIT, new Credit(3, 10_000_000));
        peer.startSending(0);
        assertEquals(3, outlet.ofType(FrameType.EVENT).size());
        relay(FrameType.CREDIT, new Credit(2, 0));
        assertEquals(5, outlet.ofType(FrameType.EVENT).size());
    }

    @Test
    void holdsAnEventBackUntilCreditCoversItsWholeLineWithItsLineFeed() {
        relay(FrameType.CREDIT, new Credit(100, 0));
        peer.startSending(0);
        long granted = 0;
        while (outlet.ofType(FrameType.EVENT).isEmpty() && granted < 2L * corpus.maxLineBytes()) {
            relay(FrameType.CREDIT, new Credit(0, 1));
            granted++;
        }
        assertEquals(1, outlet.ofType(FrameType.EVENT).size());
        assertEquals(granted, outlet.eventBytes(), "the event went out with the byte that completed its line, not before");
        assertEquals(granted, outlet.ofType(FrameType.EVENT).get(0).lineBytes());
    }

    @Test
    void seededRandomGrantsAreNeverExceededAndAlwaysUsedUp() {
        SplittableRandom random = new SplittableRandom(SEED);
        peer.startSending(0);
        long grantedEvents = 0;
        long grantedBytes = 0;
        while (outlet.ofType(FrameType.EVENT).size() < EVENTS) {
            long events = random.nextInt(4);
            long bytes = random.nextInt(3 * corpus.maxLineBytes());
            relay(FrameType.CREDIT, new Credit(events, bytes));
            grantedEvents += events;
            grantedBytes += bytes;
            List<RecordingOutlet.Written> sent = outlet.ofType(FrameType.EVENT);
            String seed = " (seed " + SEED + ")";
            assertTrue(sent.size() <= grantedEvents, sent.size() + " events sent, " + grantedEvents + " granted" + seed);
            assertTrue(outlet.eventBytes() <= grantedBytes, outlet.eventBytes() + " bytes sent, " + grantedBytes
                    + " granted" + seed);
            boolean stuck = sent.size() < EVENTS && sent.size() < grantedEvents
                    && grantedBytes - outlet.eventBytes() >= corpus.maxLineBytes();
            assertFalse(stuck, "credit for another event went unused" + seed);
        }
        assertEquals(peer.budget().spentBytes(), outlet.eventBytes(), "every line counted with its line feed");
    }

    @Test
    void aPingBetweenCreditsIsAnsweredWithoutBreakingTheSequence() {
        relay(FrameType.CREDIT, new Credit(2, 1));
        peer.startSending(0);
        Frame ping = relay(FrameType.PING, new Ping());
        relay(FrameType.CREDIT, new Credit(0, 10_000_000));
        long expected = 1;
        for (RecordingOutlet.Written w : outlet.written) {
            assertEquals(expected++, w.frame().sequence(), "frames carry consecutive sequences");
        }
        assertEquals(ping.id(), ((Pong) outlet.ofType(FrameType.PONG).get(0).frame().payload()).pingId());
        assertEquals(2, outlet.ofType(FrameType.EVENT).size());
    }

    @Test
    void anAckThroughTheLastEventCompletesItWithOneLatencyPerEvent() {
        relay(FrameType.CREDIT, new Credit(EVENTS, 10_000_000));
        peer.startSending(0);
        List<RecordingOutlet.Written> events = outlet.ofType(FrameType.EVENT);
        relay(FrameType.ACK, Ack.through(events.get(9).frame().sequence()));
        assertEquals(10, peer.acked());
        assertFalse(peer.done().isDone());
        relay(FrameType.ACK, Ack.through(events.get(EVENTS - 1).frame().sequence()));
        assertTrue(peer.done().isDone() && !peer.done().isCompletedExceptionally());
        assertEquals(EVENTS, peer.log().latency().count());
        for (int i = 0; i < EVENTS; i++) {
            EventRecord sent = EventRecord.parse(((EventRecord) events.get(i).frame().payload()).raw());
            assertEquals(i + 1L, sent.originSeq(), "events go out in origin order");
        }
    }

    @Test
    void eventsGoOutAsTheCorpusPreEncodedLinesWhileTheirSequencesMatch() {
        relay(FrameType.CREDIT, new Credit(EVENTS, 10_000_000));
        peer.startSending(0);
        for (int i = 0; i < EVENTS; i++) {
            assertArrayEquals(corpus.lines().line(i), outlet.lines.get(i + 1), "event " + i);
        }
    }

    @Test
    void afterAPongTookASequenceTheRestAreEncodedAfreshWithTheSameRecords() {
        relay(FrameType.CREDIT, new Credit(3, 10_000_000));
        peer.startSending(0);
        relay(FrameType.PING, new Ping());
        relay(FrameType.CREDIT, new Credit(EVENTS, 0));
        List<RecordingOutlet.Written> events = outlet.ofType(FrameType.EVENT);
        assertEquals(EVENTS, events.size());
        for (int i = 0; i < EVENTS; i++) {
            Frame f = events.get(i).frame();
            assertEquals(i < 3 ? i + 2L : i + 3L, f.sequence(), "the PONG is sequence 5");
            assertArrayEquals(corpus.event(i).raw(), ((EventRecord) f.payload()).raw());
        }
        long expected = 1;
        for (RecordingOutlet.Written w : outlet.written) {
            assertEquals(expected++, w.frame().sequence(), "frames carry consecutive sequences");
        }
    }

    @Test
    void everyPeerSendsTheCorpusUnderFreshFrameIds() {
        relay(FrameType.CREDIT, new Credit(EVENTS, 10_000_000));
        peer.startSending(0);
        RecordingOutlet again = new RecordingOutlet();
        LoadPeer second = new LoadPeer(corpus, 16_384);
        second.opened(again, loop);
        second.onFrame(Frame.of(FrameType.CREDIT, Ulids.next(), "relay.test", 1, null, null,
                new Credit(EVENTS, 10_000_000)), 100);
        second.startSending(0);
        Set<String> ids = new HashSet<>();
        outlet.written.forEach(w -> ids.add(w.frame().id()));
        again.written.forEach(w -> ids.add(w.frame().id()));
        assertEquals(2 * (EVENTS + 1), ids.size(), "two HELLOs and every event twice, no id twice");
    }

    @Test
    void aPacedStreamNeverSendsAheadOfItsSchedule() {
        FakeClock clock = new FakeClock();
        LoadPeer paced = pacedPeer(clock, new Credit(EVENTS, 10_000_000));
        paced.startSending(1000);
        assertEquals(1, outlet.ofType(FrameType.EVENT).size(), "the first event is due at once");
        long[] ticksMicros = {400, 999, 1000, 1001, 3500, 3500, 12_000, 12_001, 39_000, 60_000};
        for (long micros : ticksMicros) {
            clock.nanos = micros * 1000;
            paced.pump();
            long due = Math.min(EVENTS, 1 + micros / 1000);
            assertEquals(due, outlet.ofType(FrameType.EVENT).size(), "events sent " + micros + " us after the start");
        }
    }

    @Test
    void aPacedEventThatWaitedForCreditIsTimedFromWhenItWasDue() {
        FakeClock clock = new FakeClock();
        LoadPeer paced = pacedPeer(clock, new Credit(2, 10_000_000));
        paced.startSending(1000);
        clock.nanos = 1_000_000;
        paced.pump();
        clock.nanos = 5_000_000;
        paced.pump();
        assertEquals(2, outlet.ofType(FrameType.EVENT).size(), "events 2 to 5 are due but have no credit");
        clock.nanos = 7_000_000;
        paced.onFrame(relayFrame(FrameType.CREDIT, new Credit(EVENTS, 0)), 100);
        assertEquals(8, outlet.ofType(FrameType.EVENT).size());
        // Held ones from when they were due, the rest from their flush.
        assertTimedFromMillis(paced, 0, 1, 2, 3, 4, 5, 7, 7);
        assertEquals(4, paced.log().heldForCredit());
    }

    @Test
    void eventsSentInTheTickThatRanOutOfCreditAreTimedFromTheirFlush() {
        FakeClock clock = new FakeClock();
        LoadPeer paced = pacedPeer(clock, new Credit(3, 10_000_000));
        paced.startSending(1000);
        clock.nanos = 5_000_000;
        paced.pump();
        clock.nanos = 6_000_000;
        paced.onFrame(relayFrame(FrameType.CREDIT, new Credit(EVENTS, 0)), 100);
        assertTimedFromMillis(paced, 0, 5, 5, 3, 4, 5, 6);
        assertEquals(3, paced.log().heldForCredit());
    }

    @Test
    void anUnpacedStreamTimesEveryEventFromItsFlush() {
        FakeClock clock = new FakeClock();
        LoadPeer unpaced = pacedPeer(clock, new Credit(2, 10_000_000));
        unpaced.startSending(0);
        clock.nanos = 9_000_000;
        unpaced.onFrame(relayFrame(FrameType.CREDIT, new Credit(1, 0)), 100);
        assertEquals(9_000_000, unpaced.log().sentAtNanos(2), "sending as fast as credit allows is not a wait");
        assertEquals(0, unpaced.log().heldForCredit());
    }

    @Test
    void anErrorFrameFromTheRelayFailsTheStream() {
        relay(FrameType.CREDIT, new Credit(1, 10_000_000));
        peer.startSending(0);
        relay(FrameType.ERROR, ErrorPayload.of(ErrorCode.INVALID_SIGNATURE, "invalid_signature: no", null));
        assertTrue(peer.done().isCompletedExceptionally());
    }

    /** A peer on its own outlet and clock that has the relay's HELLO and {@code credit}. */
    private LoadPeer pacedPeer(FakeClock clock, Credit credit) {
        outlet.written.clear();
        outlet.lines.clear();
        LoadPeer p = new LoadPeer(corpus, 16_384, clock);
        p.opened(outlet, loop);
        p.onFrame(relayFrame(FrameType.HELLO, new Hello("relay.test", "1.0.0", List.of("stream"), List.of("*"),
                16_384)), 100);
        p.onFrame(relayFrame(FrameType.CREDIT, credit), 100);
        return p;
    }

    private Frame relayFrame(FrameType type, Payload payload) {
        return Frame.of(type, Ulids.next(), "relay.test", ++relaySequence, null, null, payload);
    }

    /** Time as the test sets it. */
    private static final class FakeClock implements LongSupplier {
        long nanos;

        @Override
        public long getAsLong() {
            return nanos;
        }
    }

    private Frame relay(FrameType type, Payload payload) {
        Frame f = Frame.of(type, Ulids.next(), "relay.test", ++relaySequence, null, null, payload);
        peer.onFrame(f, 100);
        return f;
    }

    /** Event {@code i} of {@code peer} is timed from {@code millis[i]} ms on the fake clock. */
    private static void assertTimedFromMillis(LoadPeer peer, long... millis) {
        for (int i = 0; i < millis.length; i++) {
            assertEquals(millis[i] * 1_000_000, peer.log().sentAtNanos(i), "event " + i);
        }
    }
}
