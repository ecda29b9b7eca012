package io.tapsrelay.relay.stream;

import io.tapsrelay.frames.Credit;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.Payload;
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
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One accepted {@link StreamSession} on a real store in a temporary directory, driven frame by
 * frame on its own loop as the channel handler would drive it, with every frame it writes decoded
 * into {@link #written()}. Intake's key lookup is held by {@link #keyLookup()} until a test lets it
 * go, which holds every batch in intake.
 */
final class SessionHarness implements AutoCloseable {
    static final String PEER = "peer.test";
    static final String GROUP = "g!session";
    static final int WINDOW_EVENTS = 100;

    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final List<Frame> written = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Optional<Ed25519Keys.PublicKey>> keyLookup = new CompletableFuture<>();
    private final StreamMetrics metrics = new StreamMetrics();
    private final java.util.concurrent.atomic.AtomicInteger keyLookups = new java.util.concurrent.atomic.AtomicInteger();
    private final EventStore store;
    private final StreamSession session;
    private long sequence;

    /** Opens the session and completes the HELLO exchange. */
    SessionHarness(Path dir, PeerQuotas quotas) throws Exception {
        store = RocksEventStore.open(dir, false);
        EventIntake intake = new EventIntake(store, (server, keyId) -> {
            keyLookups.incrementAndGet();
            return keyLookup;
        }, Runnable::run, 1);
        SessionSettings settings = new SessionSettings("relay.test", "1.0.0", List.of("stream"), List.of("*"), 16384,
                WINDOW_EVENTS, 1 << 20, Duration.ofMinutes(1), Duration.ofMinutes(5));
        session = new StreamSession(settings, Role.ACCEPTED, PEER, GROUP, new ListTransport(), loop, intake, store,
                Runnable::run, new SessionListener() {
                    @Override
                    public void onHello(StreamSession s) {}

                    @Override
                    public void onClosed(StreamSession s) {}
                }, metrics, quotas);
        on(() -> {
            session.start();
            return null;
        });
        receive(FrameType.HELLO, new Hello(PEER, "1.0.0", List.of("stream"), List.of("*"), 16384), null);
    }

    @Override
    public void close() throws Exception {
        on(() -> {
            session.close("test over");
            return null;
        });
        loop.shutdownNow();
        store.close();
    }

    /** Completing it with empty lets every held batch finish with {@code unknown_origin_key}. */
    CompletableFuture<Optional<Ed25519Keys.PublicKey>> keyLookup() {
        return keyLookup;
    }

    StreamSession session() {
        return session;
    }

    /** Batches handed to intake so far: intake looks the peer's key up once per batch. */
    int batchesDispatched() {
        return keyLookups.get();
    }

    /** Batches the session has answered (each is one observation of the ACK latency). */
    long batchesAnswered() {
        return metrics.ackLatency().count();
    }

    List<Frame> written() {
        return written;
    }

    /** An EVENT record of the peer (its signature is zeros: nothing here reaches the check). */
    static EventRecord record(long originSeq) {
        byte[] content = ("event " + originSeq).getBytes(StandardCharsets.UTF_8);
        return EventRecord.create(Ulids.next(), PEER, originSeq, 1_700_000_000_000L, null,
                Base64.getEncoder().encodeToString(content), ContentHash.of(content), "ed25519:k1",
                Base64.getEncoder().encodeToString(new byte[64]));
    }

    /** Feeds one frame as its encoded line, decoded as the channel handler would. */
    Frame receive(FrameType type, Payload payload, String group) throws Exception {
        Frame f = Frame.of(type, Ulids.next(), PEER, ++sequence, group, Timestamps.now(), payload);
        byte[] line = FrameEncoder.encode(f);
        on(() -> {
            new NdjsonDecoder(16384, session).feed(ByteBuffer.wrap(line));
            return null;
        });
        return f;
    }

    /** Ends a read cycle, as the channel's read-complete does. */
    void readComplete() throws Exception {
        on(() -> {
            session.onReadComplete();
            return null;
        });
    }

    <T> T on(Callable<T> task) throws Exception {
        return loop.submit(task).get(10, TimeUnit.SECONDS);
    }

    /** Waits, with a deadline, until {@code condition} holds on the session's loop. */
    void awaitOnLoop(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!on(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; written: " + written);
            }
            Thread.onSpinWait();
        }
    }

    long count(FrameType type) {
        return written.stream().filter(f -> f.knownType() == type).count();
    }

    /** Every CREDIT the session granted, summed. */
    long creditEvents() {
        return written.stream().filter(f -> f.knownType() == FrameType.CREDIT)
                .mapToLong(f -> ((Credit) f.payload()).events()).sum();
    }

    /** The ERRORs with {@code code} the session wrote. */
    List<ErrorPayload> errors(String code) {
        return written.stream().filter(f -> f.payload() instanceof ErrorPayload e && e.code().equals(code))
                .map(f -> (ErrorPayload) f.payload()).toList();
    }

    /** Index in {@link #written()} of the first frame {@code matching}, or -1. */
    int indexOf(java.util.function.Predicate<Frame> matching) {
        for (int i = 0; i < written.size(); i++) {
            if (matching.test(written.get(i))) {
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
