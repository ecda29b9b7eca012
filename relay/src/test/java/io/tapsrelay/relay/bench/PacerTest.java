package io.tapsrelay.relay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.Credit;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.Payload;
import io.tapsrelay.frames.validate.Ulids;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PacerTest {
    private static final int EVENTS = 30;

    private final ScheduledThreadPoolExecutor loop = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stop() {
        loop.shutdownNow();
    }

    @Test
    void oneTickPacesEveryPeerOfItsLoopAndStopsOnceAllIsSent() throws Exception {
        loop.setRemoveOnCancelPolicy(true);
        RecordingOutlet first = new RecordingOutlet();
        RecordingOutlet second = new RecordingOutlet();
        LoadPeer a = readyPeer("pace-a.bench", first);
        LoadPeer b = readyPeer("pace-b.bench", second);
        new Pacer(loop, List.of(a, b)).start(10_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!loop.submit(() -> a.doneSending() && b.doneSending()).get()) {
            assertTrue(System.nanoTime() < deadline, "both peers sent everything within 30 s");
            Thread.onSpinWait();
        }
        assertEquals(EVENTS, first.ofType(FrameType.EVENT).size());
        assertEquals(EVENTS, second.ofType(FrameType.EVENT).size());
        assertTrue(loop.submit(() -> loop.getQueue().isEmpty()).get(), "the tick stopped with nothing left to send");
    }

    private LoadPeer readyPeer(String id, RecordingOutlet outlet) throws Exception {
        EventCorpus corpus = EventCorpus.sign(PeerIdentity.create(id), "g!pace", EVENTS, 16, 3);
        LoadPeer peer = new LoadPeer(corpus, 16_384);
        loop.submit(() -> {
            peer.opened(outlet, loop);
            peer.onFrame(frame(1, FrameType.HELLO, new Hello("relay.test", "1.0.0", List.of("stream"), List.of("*"),
                    16_384)), 100);
            peer.onFrame(frame(2, FrameType.CREDIT, new Credit(EVENTS, 10_000_000)), 100);
        }).get();
        return peer;
    }

    private static Frame frame(long sequence, FrameType type, Payload payload) {
        return Frame.of(type, Ulids.next(), "relay.test", sequence, null, null, payload);
    }
}
