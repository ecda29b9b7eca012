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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a session answers EVENT frames over the peer's quota: ERROR at once, covered by an ACK, credit returned. */
class StreamSessionQuotaTest {
    private static final String GROUP = SessionHarness.GROUP;

    @TempDir
    Path dir;

    private SessionHarness h;

    @BeforeEach
    void open() throws Exception {
        // A frozen clock: the one-event burst never refills.
        PeerQuotas quotas = new PeerQuotas(new LimitsConfig(1, 0, 0, 0, 10, 20, Duration.ofMinutes(1)), 16385, () -> 0L);
        h = new SessionHarness(dir, quotas);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    @Test
    void anEventOverQuotaIsAnsweredAtOnceAndCoveredByThePendingBatchesAck() throws Exception {
        Frame admitted = h.receive(FrameType.EVENT, SessionHarness.record(1), GROUP);
        h.readComplete();
        Frame limited = h.receive(FrameType.EVENT, SessionHarness.record(2), GROUP);
        h.readComplete();

        ErrorPayload error = onlyError("rate_limited");
        assertEquals(limited.id(), error.ref());
        assertFalse(error.fatal());
        assertEquals(1000, error.retryAfterMs());
        assertEquals(0, h.count(FrameType.ACK), "the admitted event's batch is still being checked");
        assertEquals(101, h.creditEvents(), "the refused frame's credit is back at once");

        h.keyLookup().complete(Optional.empty());
        h.awaitOnLoop(() -> h.count(FrameType.ACK) == 1);
        assertEquals(admitted.id(), onlyError("unknown_origin_key").ref());
        Ack ack = (Ack) h.written().stream().filter(f -> f.knownType() == FrameType.ACK).findFirst().orElseThrow()
                .payload();
        assertEquals(limited.sequence(), ack.throughSequence(), "one ACK covers the batch and the refused frame after it");
        assertTrue(h.indexOf(f -> f.knownType() == FrameType.ACK)
                > h.indexOf(f -> f.payload() instanceof ErrorPayload e && e.code().equals("rate_limited")),
                "the ERROR precedes the ACK covering it");
        assertEquals(102, h.creditEvents());
    }

    @Test
    void anEventOverQuotaWithNothingPendingIsAcknowledgedAtOnce() throws Exception {
        h.keyLookup().complete(Optional.empty());
        h.receive(FrameType.EVENT, SessionHarness.record(1), GROUP);
        h.readComplete();
        h.awaitOnLoop(() -> h.count(FrameType.ACK) == 1);
        Frame limited = h.receive(FrameType.EVENT, SessionHarness.record(2), GROUP);
        h.readComplete();
        assertEquals(limited.id(), onlyError("rate_limited").ref());
        Ack last = (Ack) h.written().stream().filter(f -> f.knownType() == FrameType.ACK).reduce((a, b) -> b)
                .orElseThrow().payload();
        assertEquals(limited.sequence(), last.throughSequence());
        assertEquals(102, h.creditEvents());
        assertFalse(h.on(h.session()::isClosed), "the stream goes on");
    }

    private ErrorPayload onlyError(String code) {
        List<ErrorPayload> errors = h.errors(code);
        assertEquals(1, errors.size(), "ERRORs " + code + " in " + h.written());
        return errors.get(0);
    }
}
