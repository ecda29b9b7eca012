package io.tapsrelay.relay.stream;

import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.codec.FrameEncoder;
import io.tapsrelay.frames.codec.Timestamps;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.store.OriginState;
import io.tapsrelay.relay.store.StoredEvent;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * This relay's sending direction of one stream: reads the group's log from the peer's durable
 * delivery cursors, per origin in {@code origin_seq} order, and writes EVENT frames while the
 * peer's CREDIT lasts. The log is the outbound queue, so a slow peer costs disk, not heap: at most
 * one credit window of frames is ever in flight.
 *
 * <p>Only events up to each origin's contiguous sequence are sent, so a peer's cursor never skips
 * a hole; holes are anti-entropy's job. Threading: every method runs on the session's executor;
 * log reads run on {@code io} and hop back.
 */
final class OutboundPump {
    private static final Logger LOG = Logger.getLogger(OutboundPump.class.getName());
    private static final int READ_CHUNK = 256;

    private final StreamSession session;
    private final EventStore store;
    private final Executor io;
    private final String peer;
    private final String group;
    private final Map<String, Long> acked;
    private final Map<String, Long> sent;
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private long creditEvents;
    private long creditBytes;
    private boolean reading;
    private boolean cursorsDirty;
    private int originCursor;
    private long stalls;
    private long eventsSent;

    OutboundPump(StreamSession session, EventStore store, Executor io, String peer, String group) {
        this.session = session;
        this.store = store;
        this.io = io;
        this.peer = peer;
        this.group = group;
        this.acked = new HashMap<>(store.deliveryCursors(peer, group));
        this.sent = new HashMap<>(acked);
    }

    void addCredit(long events, long bytes) {
        creditEvents += events;
        creditBytes += bytes;
        pump();
    }

    /** Everything the peer acknowledged moves the durable cursors. */
    void onAck(long throughSequence) {
        boolean moved = false;
        while (!inFlight.isEmpty() && inFlight.peekFirst().sequence <= throughSequence) {
            InFlight f = inFlight.pollFirst();
            Long prev = acked.get(f.origin);
            if (prev == null || prev < f.originSeq) {
                acked.put(f.origin, f.originSeq);
                moved = true;
            }
        }
        if (moved) {
            store.saveDeliveryCursors(peer, group, Map.copyOf(acked));
        }
    }

    /**
     * The peer sent us these events itself, so it holds them: move its cursor past them when they
     * directly follow it, instead of sending them back.
     */
    void peerHolds(String origin, long originSeq) {
        long cursor = acked.getOrDefault(origin, 0L);
        if (originSeq == cursor + 1 && sent.getOrDefault(origin, 0L) == cursor) {
            acked.put(origin, originSeq);
            sent.put(origin, originSeq);
            cursorsDirty = true;
        }
    }

    /** Persists cursors moved by {@link #peerHolds}; called once per stored batch. */
    void saveIfDirty() {
        if (cursorsDirty) {
            cursorsDirty = false;
            store.saveDeliveryCursors(peer, group, Map.copyOf(acked));
        }
    }

    /** Sends what the log holds beyond the cursors, as far as credit allows. */
    void pump() {
        if (reading || !session.isOpenForEvents()) {
            return;
        }
        if (creditEvents <= 0 || creditBytes <= 0) {
            stalls++;
            return;
        }
        List<OriginState> origins = store.originStates(group);
        for (int i = 0; i < origins.size(); i++) {
            OriginState o = origins.get((originCursor + i) % origins.size());
            long from = sent.getOrDefault(o.originServer(), 0L) + 1;
            if (from <= o.contiguousSeq()) {
                originCursor = (originCursor + i + 1) % origins.size();
                read(o.originServer(), from, o.contiguousSeq());
                return;
            }
        }
    }

    private void read(String origin, long from, long to) {
        reading = true;
        int max = (int) Math.min(READ_CHUNK, creditEvents);
        long maxBytes = creditBytes;
        CompletableFuture.supplyAsync(() -> store.read(group, origin, from, to, max, maxBytes), io)
                .whenComplete((events, error) -> session.executor().execute(() -> {
                    reading = false;
                    if (error != null) {
                        session.fail(ErrorCode.INTERNAL_ERROR,
                                "internal_error: reading the log failed: " + error.getMessage());
                        return;
                    }
                    send(origin, events);
                }));
    }

    private void send(String origin, List<StoredEvent> events) {
        if (!session.isOpenForEvents() || events.isEmpty()) {
            return;
        }
        boolean blockedByCredit = false;
        for (StoredEvent e : events) {
            long seq = session.peekOutboundSequence();
            byte[] line = FrameEncoder.encode(Frame.of(FrameType.EVENT, Ulids.next(), session.selfId(), seq, group,
                    Timestamps.now(), new EventRecord(null, null, null, null, null, null, null, null, null, e.record())));
            if (line.length - 1 > session.peerMaxMessageSize()) {
                // The peer could never accept it; anti-entropy cannot help either. Skip, loudly.
                LOG.warning(() -> "event=event-too-large-for-peer peer=" + peer + " group=" + group
                        + " origin=" + origin + " seq=" + e.originSeq() + " bytes=" + line.length);
                sent.put(origin, e.originSeq());
                continue;
            }
            if (creditEvents < 1 || line.length > creditBytes) {
                blockedByCredit = true;
                stalls++;
                break;
            }
            session.consumeOutboundSequence();
            creditEvents--;
            creditBytes -= line.length;
            session.writeLine(line);
            inFlight.addLast(new InFlight(seq, origin, e.originSeq()));
            sent.put(origin, e.originSeq());
            eventsSent++;
        }
        session.flush();
        if (!blockedByCredit) {
            pump();
        }
    }

    long eventsSent() {
        return eventsSent;
    }

    long creditStalls() {
        return stalls;
    }

    long inFlightCount() {
        return inFlight.size();
    }

    private record InFlight(long sequence, String origin, long originSeq) {}
}
