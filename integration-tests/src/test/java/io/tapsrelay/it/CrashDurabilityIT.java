package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.relay.Relay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ACK is a promise: a relay killed with SIGKILL right after acknowledging has every acknowledged event. */
class CrashDurabilityIT {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventSurvivesKillNine() throws Exception {
        try (RawPeer peer = new RawPeer("crash-peer.test", dir)) {
            TestRelay config = new TestRelay("crash-relay.test", dir)
                    .with("credit:\n  window_events: 100000\n  window_bytes: 256MiB")
                    .with("peers:\n" + peer.peerEntry());
            String group = "g!crash";
            long acked;
            int sent = 3000;
            try (RelayProcess relay = RelayProcess.start(config, dir)) {
                RawStream s = peer.open(config, group);
                assertEquals(200, s.status());
                s.write(peer.hello(1, List.of("*")));
                // Frame sequence n + 1 carries origin_seq n.
                List<byte[]> batch = new ArrayList<>();
                for (int n = 1; n <= sent; n++) {
                    batch.add(peer.event(n + 1, group, n, "durable " + n));
                    if (batch.size() == 100) {
                        s.write(batch.toArray(byte[][]::new));
                        batch.clear();
                    }
                }
                Await.until("some ACKs", Duration.ofSeconds(30), () -> highestAck(s) >= 500);
                relay.kill9();
                acked = highestAck(s) - 1;
            }
            assertTrue(acked >= 499, "acknowledged " + acked);
            try (Relay restarted = config.start()) {
                for (long n = 1; n <= acked; n++) {
                    assertTrue(restarted.store().get(group, peer.serverId, n).isPresent(),
                            "acknowledged origin_seq " + n + " of " + acked + " survived kill -9");
                }
            }
        }
    }

    private static long highestAck(RawStream s) {
        return s.received.stream().filter(f -> f.knownType() == FrameType.ACK)
                .mapToLong(f -> ((Ack) f.payload()).throughSequence()).max().orElse(0);
    }
}
