package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.antientropy.AntiEntropy;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.engine.IntakeResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three relays where B never streams with anyone: it catches up after a restart by anti-entropy
 * alone, and all three digests end equal.
 */
class AntiEntropyConvergenceIT {
    private static final String GROUP = "g!converge";
    private static final Duration CONVERGE = Duration.ofSeconds(40);
    private static final String ANTI_ENTROPY = "antientropy:\n  interval: 1s\n  jitter: 200ms\n";

    @TempDir
    Path dir;

    @Test
    void aRelayWithoutStreamsConvergesAfterARestartByAntiEntropyAlone() throws Exception {
        TestRelay a = new TestRelay("ae-a.test", dir);
        TestRelay b = new TestRelay("ae-b.test", dir);
        TestRelay c = new TestRelay("ae-c.test", dir);
        a.with("peers:\n" + TestRelay.peerEntry(c, true) + TestRelay.peerEntry(b, false) + ANTI_ENTROPY);
        c.with("peers:\n" + TestRelay.peerEntry(a, true) + TestRelay.peerEntry(b, false) + ANTI_ENTROPY);
        b.with("peers:\n" + TestRelay.peerEntry(a, false) + TestRelay.peerEntry(c, false) + ANTI_ENTROPY);
        AntiEntropy aeA = new AntiEntropy();
        AntiEntropy aeC = new AntiEntropy();
        try (Relay ra = Relay.start(a.config(), List.of(aeA)); Relay rc = Relay.start(c.config(), List.of(aeC))) {
            try (Relay rb = Relay.start(b.config(), List.of(new AntiEntropy()))) {
                publish(ra, 1, 5);
                Await.until("B holds A's first five by anti-entropy", CONVERGE,
                        () -> rb.store().originState(GROUP, a.serverId).contiguousSeq() == 5);
            }
            publish(ra, 6, 30);
            publish(rc, 1, 30);
            Await.until("A and C hold each other's events over their stream", CONVERGE,
                    () -> root(aeA).equals(root(aeC)) && aeA.digest(GROUP).eventCount() == 60);

            AntiEntropy aeB = new AntiEntropy();
            try (Relay rb = Relay.start(b.config(), List.of(aeB))) {
                Await.until("B's digest equals A's and C's", CONVERGE,
                        () -> root(aeB).equals(root(aeA)) && root(aeB).equals(root(aeC)));
                assertEquals(30, rb.store().originState(GROUP, a.serverId).contiguousSeq());
                assertEquals(30, rb.store().originState(GROUP, c.serverId).contiguousSeq());
                assertTrue(rb.sessions().sessions().isEmpty(), "B has no stream: only anti-entropy moved events");
                assertEquals(60, aeB.digest(GROUP).eventCount());
            }
        }
    }

    private static String root(AntiEntropy ae) {
        return ae.digest(GROUP).rootHash().hex();
    }

    private static void publish(Relay relay, int from, int to) throws Exception {
        for (int i = from; i <= to; i++) {
            String content = Base64.getEncoder().encodeToString(("event " + i + " at " + relay.serverId())
                    .getBytes(StandardCharsets.UTF_8));
            IntakeResult r = relay.publisher().publish(GROUP, null, null, content).get(10, TimeUnit.SECONDS);
            assertEquals((long) i, r.originSeq(), r.toString());
        }
    }
}
