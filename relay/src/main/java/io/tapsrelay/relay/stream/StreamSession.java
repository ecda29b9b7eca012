package io.tapsrelay.relay.stream;

import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.Credit;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.InvalidPayload;
import io.tapsrelay.frames.Payload;
import io.tapsrelay.frames.Ping;
import io.tapsrelay.frames.Pong;
import io.tapsrelay.frames.codec.DecodeError;
import io.tapsrelay.frames.codec.FrameEncoder;
import io.tapsrelay.frames.codec.FrameSink;
import io.tapsrelay.frames.codec.Timestamps;
import io.tapsrelay.frames.validate.FrameValidator;
import io.tapsrelay.frames.validate.GroupPatterns;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.frames.validate.Violation;
import io.tapsrelay.relay.engine.EventIntake;
import io.tapsrelay.relay.engine.IntakeResult;
import io.tapsrelay.relay.engine.OfferedEvent;
import io.tapsrelay.relay.metrics.StreamMetrics;
import io.tapsrelay.relay.quota.Admission;
import io.tapsrelay.relay.quota.PeerQuotas;
import io.tapsrelay.relay.store.EventStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One group stream with one peer, both directions (§3, §5): HELLO, CREDIT, per-direction
 * sequences, EVENT intake with group-committed durable ACKs, the outbound log pump, PING/PONG and
 * the idle timeout, ERROR frames with the right code, {@code ref} and fatality.
 *
 * <p>Knows nothing of Netty: frames come in through {@link FrameSink}, lines go out through a
 * {@link FrameTransport}. Threading: confined to {@link #executor()} (the stream's event loop);
 * intake and log reads run elsewhere and hop back.
 */
public final class StreamSession implements FrameSink {
    private static final Logger LOG = Logger.getLogger(StreamSession.class.getName());
    /**
     * Batches in intake (being checked or stored) before what is read next waits to join one larger
     * batch. A read cycle is often a single 16 KiB DATA frame, and every batch costs thread hand-offs,
     * a commit with its fsync and an ACK with a CREDIT, whatever its size; so while the pipeline is
     * busy, reads coalesce, and the batches grow with the load instead of multiplying. Two let one
     * batch be checked while the one before it commits; with an idle pipeline a read goes out at once.
     */
    private static final int DISPATCH_DEPTH = 2;
    /**
     * A coalescing batch this large goes to intake even past {@link #DISPATCH_DEPTH}: under full load
     * the verifiers always have a batch queued, each big enough to split over every core.
     */
    private static final int MAX_BATCH_EVENTS = 64;
    /** Batches in intake at once before reading pauses; memory stays bounded by the credit window either way. */
    private static final int MAX_PENDING_BATCHES = 64;

    private final SessionSettings settings;
    private final Role role;
    private final String peer;
    private final String group;
    private final FrameTransport transport;
    private final ScheduledExecutorService executor;
    private final EventIntake intake;
    private final SessionListener listener;
    private final InboundCredit credit = new InboundCredit();
    private final OutboundPump pump;
    private final ArrayDeque<Batch> pending = new ArrayDeque<>();
    private List<OfferedEvent> batchEvents = new ArrayList<>();
    private List<String> batchRefs = new ArrayList<>();
    private long batchLastSequence;
    private long batchBytes;
    /** When the first event of the batch being read arrived, for the ACK latency histogram. */
    private long batchFormedNanos;
    /** EVENT frames refused over quota since the last read cycle: their credit is still owed. */
    private long limitedEvents;
    private long limitedBytes;
    /** Set by {@link #failAfterPending}: the fatal ERROR to send once nothing is pending. */
    private ErrorCode closingCode;
    private String closingMessage;

    private long inSequence;
    private long outSequence;
    private boolean helloReceived;
    private boolean closed;
    private boolean remoteEnded;
    private int peerMaxMessageSize;
    private long lastReadNanos;
    private long lastWriteNanos;
    private ScheduledFuture<?> keepalive;
    private final SessionStats stats = new SessionStats();
    private final StreamMetrics metrics;
    private final PeerQuotas quotas;

    public StreamSession(SessionSettings settings, Role role, String peer, String group, FrameTransport transport,
            ScheduledExecutorService executor, EventIntake intake, EventStore store, Executor io,
            SessionListener listener, StreamMetrics metrics, PeerQuotas quotas) {
        this.quotas = quotas;
        this.settings = settings;
        this.metrics = metrics;
        this.role = role;
        this.peer = peer;
        this.group = group;
        this.transport = transport;
        this.executor = executor;
        this.intake = intake;
        this.listener = listener;
        this.peerMaxMessageSize = settings.maxMessageSize();
        this.pump = new OutboundPump(this, store, io, peer, group);
    }

    /** Sends HELLO and the first CREDIT and starts the keepalive clock. Call once, on the executor. */
    public void start() {
        lastReadNanos = System.nanoTime();
        Hello hello = new Hello(settings.selfId(), settings.version(), settings.capabilities(),
                settings.supportedGroups(), settings.maxMessageSize());
        writeFrame(FrameType.HELLO, hello);
        grant(settings.windowEvents(), settings.windowBytes());
        flush();
        long periodNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10),
                Math.min(settings.keepaliveInterval().toNanos(), settings.keepaliveTimeout().toNanos()) / 4);
        keepalive = executor.scheduleAtFixedRate(this::checkKeepalive, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        LOG.info(() -> "event=stream-open peer=" + peer + " group=" + group + " role=" + role);
    }

    // ---- inbound ----

    @Override
    public void onFrame(Frame frame, int wireBytes) {
        if (closed) {
            return;
        }
        lastReadNanos = System.nanoTime();
        stats.framesIn++;
        Optional<Violation> envelope = FrameValidator.envelope(frame);
        if (envelope.isPresent()) {
            fail(envelope.get().code(), envelope.get().message(), frame.id());
            return;
        }
        if (!helloReceived && frame.knownType() != FrameType.HELLO) {
            fail(ErrorCode.HELLO_REQUIRED, "hello_required: first frame is " + frame.type() + ", not HELLO", frame.id());
            return;
        }
        if (frame.sequence() != inSequence + 1) {
            fail(ErrorCode.SEQUENCE_VIOLATION, "sequence_violation: got " + frame.sequence() + ", expected "
                    + (inSequence + 1), frame.id());
            return;
        }
        inSequence = frame.sequence();
        if (!frame.origin().equals(peer)) {
            fail(ErrorCode.PROTOCOL_VIOLATION, "protocol_violation: origin " + frame.origin()
                    + " is not the authenticated peer " + peer, frame.id());
            return;
        }
        FrameType type = frame.knownType();
        Payload payload = frame.payload();
        if (type == null || type == FrameType.CHECKPOINT) {
            sendError(ErrorCode.UNKNOWN_FRAME_TYPE, "unknown_frame_type: '" + frame.type()
                    + "' is not a stream frame type; ignored", frame.id(), null);
            return;
        }
        if (payload instanceof InvalidPayload invalid && type != FrameType.EVENT) {
            fail(ErrorCode.MALFORMED_FRAME, "malformed_frame: " + invalid.problem(), frame.id());
            return;
        }
        switch (type) {
            case HELLO -> onHello(frame, (Hello) payload);
            case CREDIT -> onCredit(frame, (Credit) payload);
            case EVENT -> onEvent(frame, wireBytes);
            case ACK -> onAck(frame, (Ack) payload);
            case PING -> writeFrame(FrameType.PONG, new Pong(frame.id()));
            case PONG -> { }
            case ERROR -> onPeerError((ErrorPayload) payload);
            default -> throw new IllegalStateException("unhandled frame type " + type);
        }
    }

    private void onHello(Frame frame, Hello hello) {
        if (helloReceived) {
            fail(ErrorCode.PROTOCOL_VIOLATION, "protocol_violation: second HELLO", frame.id());
            return;
        }
        Optional<Violation> v = FrameValidator.hello(hello);
        if (v.isPresent()) {
            fail(v.get().code(), v.get().message(), frame.id());
            return;
        }
        if (!hello.serverId().equals(peer)) {
            fail(ErrorCode.PROTOCOL_VIOLATION, "protocol_violation: HELLO server_id " + hello.serverId()
                    + " is not the authenticated peer " + peer, frame.id());
            return;
        }
        if (!GroupPatterns.anyMatches(hello.supportedGroups(), group)
                || !GroupPatterns.anyMatches(settings.supportedGroups(), group)) {
            fail(ErrorCode.GROUP_NOT_SUPPORTED, "group_not_supported: " + group + " is not matched by both sides' "
                    + "supported_groups (peer " + hello.supportedGroups() + ", ours " + settings.supportedGroups() + ")",
                    frame.id());
            return;
        }
        helloReceived = true;
        peerMaxMessageSize = (int) Math.min(Integer.MAX_VALUE, hello.maxMessageSize());
        listener.onHello(this);
    }

    private void onCredit(Frame frame, Credit c) {
        Optional<Violation> v = FrameValidator.credit(c);
        if (v.isPresent()) {
            fail(v.get().code(), v.get().message(), frame.id());
            return;
        }
        pump.addCredit(c.events(), c.bytes());
    }

    private void onAck(Frame frame, Ack ack) {
        Optional<Violation> v = FrameValidator.ack(ack);
        if (v.isPresent()) {
            fail(v.get().code(), v.get().message(), frame.id());
            return;
        }
        pump.onAck(ack.throughSequence());
    }

    private void onEvent(Frame frame, int wireBytes) {
        String exceeded = credit.spend(wireBytes);
        if (exceeded != null) {
            fail(ErrorCode.CREDIT_EXCEEDED, exceeded, frame.id());
            return;
        }
        Admission admission = quotas.admitPeerEvent(peer, wireBytes);
        if (!admission.admitted()) {
            rateLimited(frame, wireBytes, admission.retryAfterMs());
            return;
        }
        stats.eventsIn++;
        if (batchEvents.isEmpty()) {
            batchFormedNanos = System.nanoTime();
        }
        batchEvents.add(new OfferedEvent(frame.id(), frame.groupId(), frame.payload()));
        batchRefs.add(frame.id());
        batchLastSequence = frame.sequence();
        batchBytes += wireBytes;
    }

    /**
     * Refuses an EVENT over the peer's quota before any §3 check, so a flood never reaches the
     * verifier pool. The ERROR goes out now; the frame is acknowledged with what is being read (or
     * at once when nothing is pending) and its credit is returned at the end of the read cycle, so
     * the peer is slowed by the error, not starved of credit.
     */
    private void rateLimited(Frame frame, int wireBytes, long retryAfterMs) {
        sendError(ErrorCode.RATE_LIMITED, "rate_limited: " + peer + " is over its quota; retry after "
                + retryAfterMs + " ms", frame.id(), retryAfterMs);
        batchLastSequence = frame.sequence();
        limitedEvents++;
        limitedBytes += wireBytes;
    }

    /** Acknowledges the frames refused over quota in this read cycle and returns their credit. */
    private void settleLimited() {
        if (batchEvents.isEmpty()) {
            if (pending.isEmpty()) {
                writeFrame(FrameType.ACK, new Ack(batchLastSequence, List.of(), List.of()));
            } else {
                // The last pending batch's ACK goes out after the ERRORs already written.
                pending.peekLast().lastSequence = batchLastSequence;
            }
        }
        grant(limitedEvents, limitedBytes);
        limitedEvents = 0;
        limitedBytes = 0;
    }

    private void onPeerError(ErrorPayload error) {
        LOG.info(() -> "event=peer-error peer=" + peer + " group=" + group + " code=" + error.code()
                + " fatal=" + error.fatal() + " ref=" + error.ref() + " message=\"" + error.message() + "\"");
        stats.lastPeerError = error.code();
        if (error.fatal()) {
            close("peer sent fatal " + error.code());
        }
    }

    @Override
    public void onError(DecodeError error) {
        fail(error.code(), error.message(), error.ref());
    }

    /** The end of one read cycle: everything read since the last one becomes one batch. */
    public void onReadComplete() {
        if (!closed && limitedEvents > 0) {
            settleLimited();
        }
        if (!closed && (pending.size() < DISPATCH_DEPTH || batchEvents.size() >= MAX_BATCH_EVENTS)) {
            dispatchBatch();
        }
        flush();
    }

    /** Sends what was read since the last batch to intake as one batch. */
    private void dispatchBatch() {
        if (batchEvents.isEmpty()) {
            return;
        }
        Batch batch = new Batch(batchEvents, batchRefs, batchLastSequence, batchBytes, batchFormedNanos);
        batchEvents = new ArrayList<>();
        batchRefs = new ArrayList<>();
        batchBytes = 0;
        pending.addLast(batch);
        batch.results = intake.accept(group, batch.events, peer);
        batch.results.whenComplete((r, t) -> executor.execute(this::drainCompleted));
        if (pending.size() >= MAX_PENDING_BATCHES) {
            transport.setReading(false);
        }
    }

    /** The peer ended its side; finish what is pending, then close. */
    public void onRemoteEnd() {
        remoteEnded = true;
        if (pending.isEmpty() && batchEvents.isEmpty()) {
            close("peer ended the stream");
        }
    }

    /**
     * Answers every batch at the head of {@link #pending} whose checks and storage are done: their
     * ERRORs in order, then one cumulative ACK and one CREDIT for all of them.
     */
    private void drainCompleted() {
        long ackThrough = -1;
        long answeredEvents = 0;
        long answeredBytes = 0;
        long now = System.nanoTime();
        while (!closed && !pending.isEmpty() && pending.peekFirst().results.isDone()) {
            Batch b = pending.pollFirst();
            List<IntakeResult> results;
            try {
                results = b.results.join();
            } catch (RuntimeException e) {
                acknowledge(ackThrough, answeredEvents, answeredBytes);
                LOG.log(Level.SEVERE, "event=store-failed peer=" + peer + " group=" + group, e);
                fail(ErrorCode.INTERNAL_ERROR, "internal_error: storing events failed", null);
                return;
            }
            for (int i = 0; i < results.size(); i++) {
                IntakeResult result = results.get(i);
                if (result instanceof IntakeResult.Rejected rej) {
                    sendError(rej.code(), rej.message(), b.refs.get(i), null);
                } else if (b.events.get(i).payload() instanceof EventRecord held) {
                    // Stored or a duplicate: the peer holds it, so it is never sent back.
                    pump.peerHolds(held.originServer(), held.originSeq());
                }
            }
            ackThrough = b.lastSequence;
            answeredEvents += b.events.size();
            answeredBytes += b.bytes;
            metrics.ackWritten(now - b.formedNanos);
        }
        acknowledge(ackThrough, answeredEvents, answeredBytes);
        if (!closed) {
            pump.saveIfDirty();
        }
        if (!closed && pending.size() < DISPATCH_DEPTH) {
            // Reads that coalesced while the pipeline was busy go now, as one batch.
            dispatchBatch();
        }
        if (!closed && pending.size() < MAX_PENDING_BATCHES && closingCode == null) {
            transport.setReading(true);
        }
        flush();
        if (closingCode != null && pending.isEmpty() && batchEvents.isEmpty()) {
            fail(closingCode, closingMessage);
        }
        if (remoteEnded && pending.isEmpty() && batchEvents.isEmpty()) {
            close("peer ended the stream");
        }
    }

    /** Writes the ACK through {@code throughSequence} and returns the answered frames' credit; nothing when negative. */
    private void acknowledge(long throughSequence, long events, long bytes) {
        if (throughSequence < 0) {
            return;
        }
        writeFrame(FrameType.ACK, new Ack(throughSequence, List.of(), List.of()));
        grant(events, bytes);
        stats.acksSent++;
    }

    private void grant(long events, long bytes) {
        credit.granted(events, bytes);
        writeFrame(FrameType.CREDIT, new Credit(events, bytes));
    }

    // ---- outbound ----

    /** New events may be in the log for this group. */
    public void wake() {
        if (!closed) {
            pump.pump();
        }
    }

    boolean isOpenForEvents() {
        return helloReceived && !closed;
    }

    String selfId() {
        return settings.selfId();
    }

    int peerMaxMessageSize() {
        return peerMaxMessageSize;
    }

    long peekOutboundSequence() {
        return outSequence + 1;
    }

    void consumeOutboundSequence() {
        outSequence++;
    }

    long nextOutboundSequence() {
        return ++outSequence;
    }

    void writeLine(byte[] line) {
        transport.write(line);
        lastWriteNanos = System.nanoTime();
        stats.framesOut++;
    }

    void flush() {
        transport.flush();
    }

    private void writeFrame(FrameType type, Payload payload) {
        if (closed) {
            return;
        }
        Frame f = Frame.of(type, Ulids.next(), settings.selfId(), nextOutboundSequence(), null, Timestamps.now(), payload);
        writeLine(FrameEncoder.encode(f));
    }

    private void sendError(ErrorCode code, String message, String ref, Long retryAfterMs) {
        stats.errorsSent++;
        metrics.errorSent(code);
        stats.lastError = code.wireName();
        writeFrame(FrameType.ERROR, new ErrorPayload(code.wireName(), message, ref, code.fatal(), retryAfterMs));
    }

    /**
     * Stops reading and sends a fatal ERROR once the batches already read are answered, so their
     * ERRORs and ACK reach the peer first (a quarantine decided by one of them must not swallow
     * them). Call on the executor.
     */
    public void failAfterPending(ErrorCode code, String message) {
        if (closed || closingCode != null) {
            return;
        }
        if (pending.isEmpty() && batchEvents.isEmpty()) {
            fail(code, message);
            return;
        }
        closingCode = code;
        closingMessage = message;
        transport.setReading(false);
    }

    /** Sends a fatal ERROR and closes the stream. */
    public void fail(ErrorCode code, String message) {
        fail(code, message, null);
    }

    void fail(ErrorCode code, String message, String ref) {
        if (closed) {
            return;
        }
        LOG.info(() -> "event=stream-error peer=" + peer + " group=" + group + " code=" + code.wireName()
                + " fatal=" + code.fatal() + " message=\"" + message + "\"");
        sendError(code, message, ref, null);
        if (code.fatal()) {
            flush();
            close(code.wireName());
        }
    }

    /** Closes without an ERROR frame. Idempotent. */
    public void close(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        if (keepalive != null) {
            keepalive.cancel(false);
        }
        transport.flush();
        transport.close();
        listener.onClosed(this);
        LOG.info(() -> "event=stream-closed peer=" + peer + " group=" + group + " role=" + role + " reason=\"" + reason + "\"");
    }

    private void checkKeepalive() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastReadNanos > settings.keepaliveTimeout().toNanos()) {
            fail(ErrorCode.IDLE_TIMEOUT, "idle_timeout: nothing received for "
                    + settings.keepaliveTimeout().toMillis() + " ms");
            return;
        }
        if (now - lastWriteNanos > settings.keepaliveInterval().toNanos()) {
            writeFrame(FrameType.PING, new Ping());
            flush();
        }
    }

    // ---- identity ----

    public String peer() {
        return peer;
    }

    public String group() {
        return group;
    }

    public Role role() {
        return role;
    }

    public boolean isClosed() {
        return closed;
    }

    public ScheduledExecutorService executor() {
        return executor;
    }

    /** A snapshot of this stream's counters. Call on the executor. */
    public SessionStats.Snapshot stats() {
        return stats.snapshot(pump.eventsSent(), pump.creditStalls(), pump.inFlightCount());
    }

    /** Frames read in one cycle and the future of their checks and storage. */
    private static final class Batch {
        final List<OfferedEvent> events;
        final List<String> refs;
        long lastSequence;
        final long bytes;
        /** When its first event was read, for the ACK latency histogram. */
        final long formedNanos;
        CompletableFuture<List<IntakeResult>> results;

        Batch(List<OfferedEvent> events, List<String> refs, long lastSequence, long bytes, long formedNanos) {
            this.events = events;
            this.refs = refs;
            this.lastSequence = lastSequence;
            this.bytes = bytes;
            this.formedNanos = formedNanos;
        }
    }
}
