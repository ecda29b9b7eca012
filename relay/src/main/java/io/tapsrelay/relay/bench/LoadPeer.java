package io.tapsrelay.relay.bench;

import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.Credit;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.InvalidPayload;
import io.tapsrelay.frames.Pong;
import io.tapsrelay.frames.codec.DecodeError;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * One load stream: sends a pre-signed {@link EventCorpus} as EVENT frames exactly as far as the
 * relay's CREDIT allows (never one byte or one event beyond a grant), optionally paced to a rate,
 * and times every event from the moment its frame is handed to the network to the ACK whose
 * {@code through_sequence} covers it. The frames go out as the corpus's pre-encoded lines
 * ({@link EventLines}) while their sequences match, so sending costs a copy per event.
 *
 * <p>A paced peer never sends ahead of its schedule: event {@code i} is due {@code i / rate}
 * seconds after the start. A {@link Pacer} ticks every paced peer of its event loop at once. An
 * event that credit held back after it was due is timed from when it was due ({@link SendLog}).
 *
 * <p>Single use. Threading: the {@link StreamPeer} methods, {@link #startSending} and
 * {@link #pump} run on the stream's event loop; {@link #begin}, {@link #end} and {@link #acked()}
 * may be called from any thread; the figures may be read once {@link #done()} has completed.
 */
final class LoadPeer implements StreamPeer {
    private final LongSupplier clock;
    private final PeerIdentity identity;
    private final EventCorpus corpus;
    private final int maxMessageSize;
    private final CreditBudget budget = new CreditBudget();
    private final SendLog log;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private OutboundFrames frames;
    private ScheduledExecutorService loop;
    /**
     * An EVENT line encoded on the spot (its pre-encoded sequence was taken) but not yet covered by
     * credit; reused if its sequence is still next.
     */
    private OutboundFrames.Line held;
    private boolean helloReceived;
    private long relayMaxMessageSize = Long.MAX_VALUE;
    private boolean sending;
    private double ratePerSecond;
    private long startNanos;
    private volatile int ackedView;
    private long lineBytes;

    /**
     * A peer that sends {@code corpus}, whose lines get fresh frame ids now: so no other peer may be
     * sending the same corpus.
     *
     * @param corpus the events to send, which the peer that originated them sends
     * @param maxMessageSize the longest line this peer accepts, announced in its HELLO
     */
    LoadPeer(EventCorpus corpus, int maxMessageSize) {
        this(corpus, maxMessageSize, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    LoadPeer(EventCorpus corpus, int maxMessageSize, LongSupplier clock) {
        this.clock = clock;
        this.identity = corpus.origin();
        this.corpus = corpus;
        corpus.lines().refresh();
        this.maxMessageSize = maxMessageSize;
        this.log = new SendLog(corpus.count());
    }

    PeerIdentity identity() {
        return identity;
    }

    String group() {
        return corpus.group();
    }

    int count() {
        return corpus.count();
    }

    /** Completes once the relay's HELLO and first CREDIT are in: sending can start. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** Completes once every event is acknowledged; fails on any ERROR frame or the stream's end. */
    CompletableFuture<Void> done() {
        return done;
    }

    /** Events acknowledged so far, for progress lines. */
    int acked() {
        return ackedView;
    }

    /** Starts sending unpaced, on the stream's loop. Call once {@link #ready()} completed. */
    void begin() {
        loop.execute(() -> startSending(0));
    }

    /** The stream's event loop, once it is open. */
    ScheduledExecutorService loop() {
        return loop;
    }

    /** Ends this side of the stream, on its loop. */
    void end() {
        loop.execute(() -> frames.end());
    }

    // ---- figures, once done ----

    /** Send and ACK times of every event. */
    SendLog log() {
        return log;
    }

    /** EVENT line bytes sent, line feeds included. */
    long lineBytes() {
        return lineBytes;
    }

    // ---- on the loop ----

    @Override
    public void opened(FrameOutlet outlet, ScheduledExecutorService eventLoop) {
        this.loop = eventLoop;
        this.frames = new OutboundFrames(identity.serverId(), outlet);
        frames.sendHello(corpus.group(), maxMessageSize);
        frames.flush();
    }

    @Override
    public void onFrame(Frame frame, int wireBytes) {
        if (done.isDone()) {
            return;
        }
        FrameType type = frame.knownType();
        if (type == null) {
            return; // §3: unknown frame types are ignored
        }
        if (frame.payload() instanceof InvalidPayload invalid) {
            fail("the relay sent a malformed " + type + ": " + invalid.problem());
            return;
        }
        switch (type) {
            case HELLO -> {
                helloReceived = true;
                relayMaxMessageSize = ((Hello) frame.payload()).maxMessageSize();
            }
            case CREDIT -> onCredit((Credit) frame.payload());
            case ACK -> onAck(((Ack) frame.payload()).throughSequence());
            case PING -> {
                frames.send(FrameType.PONG, null, new Pong(frame.id()));
                frames.flush();
            }
            case ERROR -> {
                ErrorPayload e = (ErrorPayload) frame.payload();
                fail((e.fatal() ? "the relay ended the stream with " : "the relay refused an event with ")
                        + e.code() + ": " + e.message());
            }
            case EVENT -> fail("the relay sent an EVENT frame although this peer never granted CREDIT");
            default -> { }
        }
    }

    @Override
    public void onError(DecodeError error) {
        fail("the relay wrote a line that does not decode: " + error.message());
    }

    @Override
    public void readComplete() {
        // Everything this peer writes is flushed where it is written.
    }

    @Override
    public void closed(String why) {
        if (!done.isDone()) {
            fail("the stream closed after " + log.acked() + " of " + corpus.count() + " events were acknowledged: " + why);
        }
    }

    private void onCredit(Credit credit) {
        if (credit.events() < 0 || credit.bytes() < 0) {
            fail("the relay granted negative credit: " + credit);
            return;
        }
        budget.grant(credit.events(), credit.bytes());
        if (helloReceived) {
            ready.complete(null);
        }
        pump();
    }

    /**
     * Starts sending, paced to {@code eventsPerSecond} (0: as fast as credit allows); a paced peer
     * sends more only when {@link #pump()} is called. On the loop.
     */
    void startSending(double eventsPerSecond) {
        if (sending) {
            throw new IllegalStateException("already sending");
        }
        sending = true;
        ratePerSecond = eventsPerSecond;
        startNanos = clock.getAsLong();
        pump();
    }

    /**
     * Sends every event that is due and that credit covers, then flushes them as one write. Runs
     * on every CREDIT and, when paced, on every pacing tick. On the loop.
     */
    void pump() {
        if (!sending || done.isDone()) {
            return;
        }
        int limit = corpus.count();
        if (ratePerSecond > 0) {
            long due = 1 + (long) ((clock.getAsLong() - startNanos) * ratePerSecond / 1e9);
            limit = (int) Math.min(limit, due);
        }
        int batchStart = log.sent();
        while (log.sent() < limit) {
            OutboundFrames.Line line = nextLine(log.sent());
            if (line.bytes().length - 1 > relayMaxMessageSize) {
                fail("event " + (log.sent() + 1) + " takes a " + (line.bytes().length - 1) + "-byte line, more than the"
                        + " relay's max_message_size " + relayMaxMessageSize);
                return;
            }
            if (!budget.trySpend(line.bytes().length)) {
                held = line;
                if (ratePerSecond > 0) {
                    log.hold(log.sent(), limit, this::dueNanos);
                }
                break;
            }
            held = null;
            frames.send(line);
            log.add(line.sequence());
            lineBytes += line.bytes().length;
        }
        if (log.sent() > batchStart) {
            // Stamped at the flush: nothing reaches the relay earlier, so encoding the batch is not latency.
            log.stamp(clock.getAsLong());
            frames.flush();
        }
    }

    /** When a paced stream's event {@code index} is due: the first moment {@link #pump()} lets it go. */
    private long dueNanos(int index) {
        return startNanos + (long) Math.ceil(index * 1e9 / ratePerSecond);
    }

    /** Event {@code index}'s line for the next sequence: pre-encoded, held back earlier, or encoded now. */
    private OutboundFrames.Line nextLine(int index) {
        long sequence = frames.nextSequence();
        if (EventLines.sequenceOf(index) == sequence) {
            return new OutboundFrames.Line(sequence, corpus.lines().line(index));
        }
        if (held != null && held.sequence() == sequence) {
            return held;
        }
        return frames.encode(FrameType.EVENT, corpus.group(), corpus.event(index));
    }

    private void onAck(long throughSequence) {
        if (log.acknowledge(throughSequence, clock.getAsLong()) > 0) {
            ackedView = log.acked();
        }
        if (log.allAcked()) {
            done.complete(null);
        }
    }

    private void fail(String message) {
        BenchFailure failure = new BenchFailure(identity.serverId() + " in " + corpus.group() + ": " + message);
        ready.completeExceptionally(failure);
        done.completeExceptionally(failure);
    }

    /** True once every event went out, or the stream failed: ticks have nothing more to do. */
    boolean doneSending() {
        return log.sent() == corpus.count() || done.isDone();
    }

    /** What was granted and spent, for tests. */
    CreditBudget budget() {
        return budget;
    }
}
