package io.tapsrelay.relay.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.config.LimitsConfig;
import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.Credit;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.codec.DecodeError;
import io.tapsrelay.frames.codec.FrameEncoder;
import io.tapsrelay.frames.codec.FrameSink;
import io.tapsrelay.frames.codec.NdjsonDecoder;
import io.tapsrelay.frames.codec.Timestamps;
import io.tapsrelay.frames.crypto.ContentHash;
import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.engine.EventIntake;
import io.tapsrelay.relay.metrics.StreamMetrics;
import io.tapsrelay.relay.quota.PeerQuotas;
import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.store.RocksEventStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a session answers EVENT frames over the peer's quota: ERROR at once, covered by an ACK, credit returned. */
class StreamSessionQuotaTest {
    private static final String PEER = "peer.test";
    private static final String GROUP = "g!quota";

    @TempDir
    Path dir;

    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final List<Frame> written = new CopyOnWriteArrayList<>();
    /** Holds intake's key lookup, and so the whole batch, until the test lets it go. */
    private final CompletableFuture<Optional<Ed25519Keys.PublicKey>> keyLookup = new CompletableFuture<>();
    private EventStore store;
    private StreamSession session;
    private long sequence;

    @BeforeEach
    void open() throws Exception {
        store = RocksEventStore.open(dir, false);
        EventIntake intake = new EventIntake(store, (server, keyId) -> keyLookup, Runnable::run, 1);
        SessionSettings settings = new SessionSettings("relay.test", "1.0.0", List.of("stream"), List.of("*"), 16384,
                100, 1 << 20, Duration.ofMinutes(1), Duration.ofMinutes(5));
        // A frozen clock: the one-event burst never refills.
        PeerQuotas quotas = new PeerQuotas(new LimitsConfig(1, 0, 0, 0, 10, 20, Duration.ofMinutes(1)), 16385, () -> 0L);
        session = new StreamSession(settings, Role.ACCEPTED, PEER, GROUP, new ListTransport(), loop, intake, store,
                Runnable::run, new SessionListener() {
                    @Override
                    public void onHello(StreamSession s) {}

                    @Override
                    public void onClosed(StreamSession s) {}
                }, new StreamMetrics(), quotas);
        on(() -> {
            session.start();
            return null;
        });
        receive(FrameType.HELLO, new Hello(PEER, "1.0.0", List.of("stream"), List.of("*"), 16384), null);
    }

    @AfterEach
    void close() throws Exception {
        on(() -> {
            session.close("test over");
            return null;
        });
        loop.shutdownNow();
        store.close();
    }

    @Test
    void anEventOverQuotaIsAnsweredAtOnceAndCoveredByThePendingBatchesAck() throws Exception {
        Frame admitted = receive(FrameType.EVENT, record(1), GROUP);
        readComplete();
        Frame limited = receive(FrameType.EVENT, record(2), GROUP);
        readComplete();

        ErrorPayload error = onlyError("rate_limited");
        assertEquals(limited.id(), error.ref());
        assertFalse(error.fatal());
        assertEquals(1000, error.retryAfterMs());
        assertEquals(0, count(FrameType.ACK), "the admitted event's batch is still being checked");
        assertEquals(101, creditEvents(), "the refused frame's credit is back at once");

        keyLookup.complete(Optional.empty());
        awaitOnLoop(() -> count(FrameType.ACK) == 1);
        assertEquals(admitted.id(), onlyError("unknown_origin_key").ref());
        Ack ack = (Ack) written.stream().filter(f -> f.knownType() == FrameType.ACK).findFirst().orElseThrow().payload();
        assertEquals(limited.sequence(), ack.throughSequence(), "one ACK covers the batch and the refused frame after it");
        assertTrue(indexOf(FrameType.ACK) > indexOfError("rate_limited"), "the ERROR precedes the ACK covering it");
        assertEquals(102, creditEvents());
    }

    @Test
    void anEventOverQuotaWithNothingPendingIsAcknowledgedAtOnce() throws Exception {
        keyLookup.complete(Optional.empty());
        receive(FrameType.EVENT, record(1), GROUP);
        readComplete();
        awaitOnLoop(() -> count(FrameType.ACK) == 1);
        Frame limited = receive(FrameType.EVENT, record(2), GROUP);
        readComplete();
        assertEquals(limited.id(), onlyError("rate_limited").ref());
        Ack last = (Ack) written.stream().filter(f -> f.knownType() == FrameType.ACK).reduce((a, b) -> b).orElseThrow()
                .payload();
        assertEquals(limited.sequence(), last.throughSequence());
        assertEquals(102, creditEvents());
        assertFalse(on(session::isClosed), "the stream goes on");
    }

    private EventRecord record(long originSeq) {
        byte[] content = ("event " + originSeq).getBytes(StandardCharsets.UTF_8);
        return EventRecord.create(Ulids.next(), PEER, originSeq, 1_700_000_000_000L, null,
                Base64.getEncoder().encodeToString(content), ContentHash.of(content), "ed25519:k1",
                Base64.getEncoder().encodeToString(new byte[64]));
    }

    /** Feeds one frame as its encoded line, decoded as the channel handler would. */
    private Frame receive(FrameType type, io.tapsrelay.frames.Payload payload, String group) throws Exception {
        Frame f = Frame.of(type, Ulids.next(), PEER, ++sequence, group, Timestamps.now(), payload);
        byte[] line = FrameEncoder.encode(f);
        on(() -> {
            NdjsonDecoder decoder = new NdjsonDecoder(16384, session);
            decoder.feed(ByteBuffer.wrap(line));
            return null;
        });
        return f;
    }

    private void readComplete() throws Exception {
        on(() -> {
            session.onReadComplete();
            return null;
        });
    }

    private <T> T on(Callable<T> task) throws Exception {
        return loop.submit(task).get(10, TimeUnit.SECONDS);
    }

    private void awaitOnLoop(java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!on(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; written: " + written);
            }
            Thread.onSpinWait();
        }
    }

    private long count(FrameType type) {
        return written.stream().filter(f -> f.knownType() == type).count();
    }

    private long creditEvents() {
        return written.stream().filter(f -> f.knownType() == FrameType.CREDIT)
                .mapToLong(f -> ((Credit) f.payload()).events()).sum();
    }

    private ErrorPayload onlyError(String code) {
        List<ErrorPayload> errors = new ArrayList<>();
        for (Frame f : written) {
            if (f.payload() instanceof ErrorPayload e && e.code().equals(code)) {
                errors.add(e);
            }
        }
        assertEquals(1, errors.size(), "ERRORs " + code + " in " + written);
        return errors.get(0);
    }

    private int indexOf(FrameType type) {
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i).knownType() == type) {
                return i;
            }
        }
        return -1;
    }

    private int indexOfError(String code) {
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i).payload() instanceof ErrorPayload e && e.code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** Decodes what the session writes back into frames. */
    private final class ListTransport implements FrameTransport {
        private final NdjsonDecoder decoder = new NdjsonDecoder(1 << 20, new FrameSink() {
            @Override
            public void onFrame(Frame frame, int wireBytes) {
                written.add(frame);
            }

            @Override
            public void onError(DecodeError error) {
                throw new AssertionError("the session wrote an undecodable line: " + error);
            }
        });

        @Override
        public void write(byte[] line) {
            decoder.feed(ByteBuffer.wrap(line));
        }

        @Override
        public void flush() {}

        @Override
        public void setReading(boolean reading) {}

        @Override
        public void close() {}
    }
}
