package io.tapsrelay.relay.bench;

import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.Credit;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Pong;
import io.tapsrelay.frames.codec.DecodeError;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A peer that only listens on one stream. As an observer it grants a credit window and tops it up
 * as events arrive, acknowledging each read, and notes when every event arrived; as a stalled peer
 * it never grants CREDIT at all, so the relay must send it nothing. Either way it answers PINGs,
 * so the relay never closes it for being idle.
 *
 * <p>Threading: the {@link StreamPeer} methods run on the stream's event loop; the getters may be
 * called from any thread.
 */
final class ListeningPeer implements StreamPeer {
    private final PeerIdentity identity;
    private final String group;
    private final long windowEvents;
    private final long windowBytes;
    private final int maxMessageSize;
    private final Map<String, Arrivals> arrivals;
    private final CreditBudget granted = new CreditBudget();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private OutboundFrames frames;
    private long unackedSequence;
    private long refundEvents;
    private long refundBytes;
    private volatile long events;
    private volatile boolean open;
    private volatile String problem;

    private ListeningPeer(PeerIdentity identity, String group, long windowEvents, long windowBytes, int maxMessageSize,
            Map<String, Arrivals> arrivals) {
        this.identity = identity;
        this.group = group;
        this.windowEvents = windowEvents;
        this.windowBytes = windowBytes;
        this.maxMessageSize = maxMessageSize;
        this.arrivals = Map.copyOf(arrivals);
    }

    /**
     * A peer that grants {@code windowEvents} and {@code windowBytes} at once and refunds what each
     * read used, recording arrivals of the origins in {@code arrivals}.
     */
    static ListeningPeer observer(PeerIdentity identity, String group, long windowEvents, long windowBytes,
            int maxMessageSize, Map<String, Arrivals> arrivals) {
        if (windowEvents < 1 || windowBytes < maxMessageSize + 1L) {
            throw new IllegalArgumentException("an observer's window must admit one event of " + maxMessageSize
                    + " bytes: " + windowEvents + " events, " + windowBytes + " bytes");
        }
        return new ListeningPeer(identity, group, windowEvents, windowBytes, maxMessageSize, arrivals);
    }

    /** A peer that never grants CREDIT. */
    static ListeningPeer stalled(PeerIdentity identity, String group, int maxMessageSize) {
        return new ListeningPeer(identity, group, 0, 0, maxMessageSize, Map.of());
    }

    PeerIdentity identity() {
        return identity;
    }

    String group() {
        return group;
    }

    /** Completes once the relay's HELLO is in. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** EVENT frames received so far. */
    long events() {
        return events;
    }

    /** True while the stream is open and the relay has sent no fatal ERROR. */
    boolean isOpen() {
        return open;
    }

    /** The first thing the relay did wrong (an ERROR frame, credit overrun, a bad line), or null. */
    String problem() {
        return problem;
    }

    @Override
    public void opened(FrameOutlet outlet, ScheduledExecutorService loop) {
        open = true;
        frames = new OutboundFrames(identity.serverId(), outlet);
        frames.sendHello(group, maxMessageSize);
        if (windowEvents > 0) {
            grant(windowEvents, windowBytes);
        }
        frames.flush();
    }

    @Override
    public void onFrame(Frame frame, int wireBytes) {
        FrameType type = frame.knownType();
        if (type == FrameType.HELLO) {
            ready.complete(null);
        } else if (type == FrameType.EVENT) {
            onEvent(frame, wireBytes);
        } else if (type == FrameType.PING) {
            frames.send(FrameType.PONG, null, new Pong(frame.id()));
            frames.flush();
        } else if (type == FrameType.ERROR && frame.payload() instanceof ErrorPayload e) {
            note("the relay sent ERROR " + e.code() + ": " + e.message());
            if (e.fatal()) {
                open = false;
            }
        }
    }

    private void onEvent(Frame frame, int wireBytes) {
        long now = System.nanoTime();
        events = events + 1; // only this loop writes it
        if (!granted.trySpend(wireBytes)) {
            note("the relay sent EVENT " + frame.sequence() + " beyond the credit granted (" + granted.grantedEvents()
                    + " events, " + granted.grantedBytes() + " bytes)");
        }
        unackedSequence = frame.sequence();
        refundEvents++;
        refundBytes += wireBytes;
        if (frame.payload() instanceof EventRecord r && r.originServer() != null && r.originSeq() != null) {
            Arrivals a = arrivals.get(r.originServer());
            if (a != null && !a.arrived(r.originSeq(), now)) {
                note("the relay sent " + r.originServer() + " sequence " + r.originSeq() + ", beyond the "
                        + a.expected() + " events it was given");
            }
        } else {
            note("the relay sent an EVENT frame that is not a complete event record");
        }
    }

    @Override
    public void readComplete() {
        if (unackedSequence == 0) {
            return;
        }
        frames.send(FrameType.ACK, null, Ack.through(unackedSequence));
        unackedSequence = 0;
        if (windowEvents > 0) {
            grant(refundEvents, refundBytes);
        }
        refundEvents = 0;
        refundBytes = 0;
        frames.flush();
    }

    @Override
    public void onError(DecodeError error) {
        note("the relay wrote a line that does not decode: " + error.message());
    }

    @Override
    public void closed(String why) {
        open = false;
        ready.completeExceptionally(new BenchFailure(identity.serverId() + " in " + group + ": " + why));
        BenchFailure failure = new BenchFailure(identity.serverId() + "'s stream in " + group
                + " ended before every event arrived: " + why + (problem == null ? "" : " (" + problem + ")"));
        arrivals.values().forEach(a -> a.abandon(failure));
    }

    private void grant(long eventCount, long byteCount) {
        granted.grant(eventCount, byteCount);
        frames.send(FrameType.CREDIT, null, new Credit(eventCount, byteCount));
    }

    private void note(String what) {
        if (problem == null) {
            problem = what;
        }
    }
}
