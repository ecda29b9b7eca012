package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * An ACK is a promise even when the machine dies: the page cache survives a {@code kill -9}, so
 * {@link CrashDurabilityIT} cannot tell a synced write from an unsynced one, and this test can. A
 * relay child runs with the synctrack shim, which records what every fsync made durable; after the
 * kill, every file in the data directory is cut back to that ({@link SyncedPrefixes}), and a relay
 * restarted on what is left must still hold every event it acknowledged.
 */
class UnsyncedWritesDroppedIT {
    private static final String GROUP = "g!unsynced";
    private static final int SENT = 3000;
    private static final int ACKED_BEFORE_KILL = 500;

    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedEventSurvivesLosingEveryUnsyncedWrite() throws Exception {
        Crash crash = crashAndDropUnsyncedWrites(true);

        assertTrue(crash.acked() >= ACKED_BEFORE_KILL, "acknowledged " + crash.acked());
        assertTrue(crash.records().walSyncs() > 0,
                "the shim saw no write-ahead log sync, so it cannot have been loaded: " + crash.records().summary());
        assertTrue(crash.missing().isEmpty(), crash.missing().size() + " of " + crash.acked()
                + " acknowledged events lost with the unsynced writes, first "
                + crash.missing().subList(0, Math.min(20, crash.missing().size())) + " (" + crash.truncations() + ")");
    }

    @Test
    void withSyncOffLosingUnsyncedWritesLosesAcknowledgedEvents() throws Exception {
        Crash crash = crashAndDropUnsyncedWrites(false);

        assertTrue(crash.acked() >= ACKED_BEFORE_KILL, "acknowledged " + crash.acked());
        assertTrue(crash.records().syncs() > 0, "the shim recorded nothing: " + crash.records().summary());
        // The negative control: if nothing acknowledged were lost here, the model could not catch a
        // relay that acknowledges before syncing, and the test above would prove nothing.
        assertFalse(crash.missing().isEmpty(), "with storage.sync off every acknowledged event survived the loss of"
                + " unsynced writes (" + crash.records().summary() + "; " + crash.truncations() + ")");
    }

    /** What one crash did: the highest origin_seq acknowledged and those of them missing afterwards. */
    private record Crash(long acked, List<Long> missing, SyncedPrefixes records,
            List<SyncedPrefixes.Truncation> truncations) {}

    private Crash crashAndDropUnsyncedWrites(boolean sync) throws Exception {
        // Canonical, because the shim compares the data directory with paths the kernel resolved.
        Path root = tmp.toRealPath();
        SyncTrackShim shim = SyncTrackShim.build(root.resolve("shim"));
        Path log = root.resolve("synctrack.log");
        try (RawPeer peer = new RawPeer("unsynced-peer.test", root)) {
            TestRelay config = new TestRelay("unsynced-relay.test", root)
                    // Indented: it continues the storage block, which the test relay's YAML ends with.
                    .with(sync ? "" : "  sync: false")
                    .with("credit:\n  window_events: 100000\n  window_bytes: 256MiB")
                    .with("peers:\n" + peer.peerEntry());
            assertEquals(sync, config.config().storage().sync(), "storage.sync in\n" + config.yaml());
            // Signed up front, so the stream runs at the relay's pace and the kill lands mid-write.
            List<byte[]> events = new ArrayList<>(SENT);
            for (int n = 1; n <= SENT; n++) {
                // Frame sequence n + 1 carries origin_seq n.
                events.add(peer.event(n + 1, GROUP, n, "unsynced " + n));
            }

            long acked;
            long ackFrames;
            try (RelayProcess relay = RelayProcess.start(config, root, shim.environment(config.dataDir, log))) {
                RawStream s = peer.open(config, GROUP);
                assertEquals(200, s.status());
                s.write(peer.hello(1, List.of("*")));
                for (int from = 0; from < SENT; from += 100) {
                    s.write(events.subList(from, Math.min(SENT, from + 100)).toArray(byte[][]::new));
                }
                Await.until("an ACK through origin_seq " + ACKED_BEFORE_KILL, Duration.ofSeconds(20),
                        () -> highestAck(s) > ACKED_BEFORE_KILL);
                relay.kill9();
                acked = highestAck(s) - 1;
                ackFrames = s.count(FrameType.ACK);
            }

            SyncedPrefixes records = SyncedPrefixes.read(log);
            List<SyncedPrefixes.Truncation> truncations = records.dropUnsynced(config.dataDir);
            List<Long> missing = new ArrayList<>();
            try (Relay restarted = config.start()) {
                for (long n = 1; n <= acked; n++) {
                    if (restarted.store().get(GROUP, peer.serverId, n).isEmpty()) {
                        missing.add(n);
                    }
                }
            }
            System.out.println("storage.sync=" + sync + ": acknowledged " + acked + " in " + ackFrames
                    + " ACK frames; shim recorded " + records.summary() + "; dropped " + truncations
                    + "; missing after the crash " + missing.size());
            return new Crash(acked, List.copyOf(missing), records, truncations);
        }
    }

    private static long highestAck(RawStream s) {
        return s.received.stream().filter(f -> f.knownType() == FrameType.ACK)
                .mapToLong(f -> ((Ack) f.payload()).throughSequence()).max().orElse(0);
    }
}
