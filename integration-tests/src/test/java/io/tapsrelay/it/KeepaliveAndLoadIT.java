package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Ping;
import io.tapsrelay.frames.Pong;
import io.tapsrelay.relay.Relay;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keepalive, idle timeout, draining, and the event loop staying responsive under load. */
class KeepaliveAndLoadIT {
    @TempDir
    Path dir;

    @Test
    void aSilentPeerIsPingedThenClosedWithIdleTimeout() throws Exception {
        try (RawPeer peer = new RawPeer("quiet-peer.test", dir)) {
            TestRelay config = new TestRelay("keepalive.test", dir)
                    .with("keepalive:\n  interval: 100ms\n  timeout: 600ms")
                    .with("peers:\n" + peer.peerEntry());
            try (Relay relay = config.start()) {
                RawStream s = peer.open(config, "g!quiet");
                s.write(peer.hello(1, List.of("*")), peer.event(2, "g!quiet", 1, "then silence"));
                s.awaitAck(2);
                s.awaitError("idle_timeout");
                assertTrue(s.count(FrameType.PING) >= 1, "the relay pinged before giving up");
                s.awaitEnd();
                assertTrue(relay.store().get("g!quiet", peer.serverId, 1).isPresent());
            }
        }
    }

    @Test
    void aStoppingRelayTellsItsPeersShuttingDownAndKeepsWhatItAcknowledged() throws Exception {
        try (RawPeer peer = new RawPeer("drain-peer.test", dir)) {
            TestRelay config = new TestRelay("draining.test", dir).with("peers:\n" + peer.peerEntry());
            Relay relay = config.start();
            RawStream s = peer.open(config, "g!drain");
            s.write(peer.hello(1, List.of("*")), peer.event(2, "g!drain", 1, "kept"));
            s.awaitAck(2);
            relay.close();
            assertTrue(s.awaitError("shutting_down").fatal());
            s.awaitEnd();
            try (Relay again = config.start()) {
                assertTrue(again.store().get("g!drain", peer.serverId, 1).isPresent());
            }
        }
    }

    @Test
    void aPongComesBackBeforeTheAckOfTheEventsQueuedAheadOfIt() throws Exception {
        try (RawPeer peer = new RawPeer("busy-peer.test", dir)) {
            TestRelay config = new TestRelay("busy.test", dir)
                    .with("credit:\n  window_events: 100000\n  window_bytes: 256MiB")
                    .with("peers:\n" + peer.peerEntry());
            try (Relay relay = config.start()) {
                String g = "g!busy";
                RawStream s = peer.open(config, g);
                int events = 4000;
                List<byte[]> lines = new ArrayList<>();
                lines.add(peer.hello(1, List.of("*")));
                for (int n = 1; n <= events; n++) {
                    lines.add(peer.event(n + 1, g, n, "load " + n));
                }
                long pingSeq = events + 2;
                byte[] ping = peer.line(FrameType.PING, pingSeq, null, new Ping());
                lines.add(ping);
                s.write(lines.toArray(byte[][]::new));
                // Every event ahead of the PING needs a signature check; the PONG needs none.
                Frame pong = s.await("PONG", f -> f.knownType() == FrameType.PONG);
                int pongIndex = s.received.indexOf(pong);
                long ackedBeforePong = s.received.subList(0, pongIndex).stream()
                        .filter(f -> f.knownType() == FrameType.ACK)
                        .mapToLong(f -> ((Ack) f.payload()).throughSequence()).max().orElse(0);
                assertTrue(ackedBeforePong < events + 1, "PONG arrived before the ACK of all " + events
                        + " events queued ahead of it (acked through " + ackedBeforePong + ")");
                assertTrue(((Pong) pong.payload()).pingId() != null);
                s.awaitAck(events + 1);
                assertEquals(events, relay.store().originState(g, peer.serverId).contiguousSeq());
            }
        }
    }
}
