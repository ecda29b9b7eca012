package io.tapsrelay.relay.bench;

import java.util.BitSet;
import java.util.function.IntToLongFunction;

/**
 * When each event of one stream went out and when it was acknowledged. Events are sent in index
 * order; an ACK covers every sent event whose frame {@code sequence} is at most its
 * {@code through_sequence} (§3), and each one's latency goes into the histogram. An event's
 * latency runs from the flush of its frame, or, when a paced stream had to hold it back for lack
 * of CREDIT, from the moment it was due: a user waits from then, and a relay that grants credit
 * late must not look fast for it.
 *
 * <p>Not thread-safe: owned by one stream's event loop; read by others once the stream is done.
 */
final class SendLog {
    private final long[] sentAt;
    private final long[] sequenceOf;
    private final LatencyHistogram latency = new LatencyHistogram();
    private int sent;
    private int stamped;
    /** Events held back for credit, whose send time is their due time already. */
    private final BitSet held;
    /** Every event below this index that was due while short of credit is in {@link #held}. */
    private int heldThrough;
    private int heldForCredit;
    private int acked;
    private long firstSendNanos;
    private long lastAckNanos;

    SendLog(int events) {
        this.sentAt = new long[events];
        this.sequenceOf = new long[events];
        this.held = new BitSet(events);
    }

    /** The next event went into the frame with {@code sequence}; it is stamped when the batch is flushed. */
    void add(long sequence) {
        if (sent > 0 && sequence <= sequenceOf[sent - 1]) {
            throw new IllegalArgumentException("sequence " + sequence + " after " + sequenceOf[sent - 1]);
        }
        sequenceOf[sent++] = sequence;
    }

    /**
     * Events {@code from} to {@code to} (exclusive), not sent yet, were due but are held back for
     * lack of credit: each is timed from {@code dueAt} of its index unless it was held before.
     */
    void hold(int from, int to, IntToLongFunction dueAt) {
        if (from < sent || to > sentAt.length) {
            throw new IllegalArgumentException("cannot hold events " + from + " to " + to + " with " + sent
                    + " of " + sentAt.length + " sent");
        }
        for (int i = Math.max(from, heldThrough); i < to; i++) {
            sentAt[i] = dueAt.applyAsLong(i);
            held.set(i);
            heldForCredit++;
        }
        heldThrough = Math.max(heldThrough, to);
    }

    /** Every event sent since the last stamp left now ({@link System#nanoTime()}); held ones keep their due time. */
    void stamp(long nanos) {
        if (stamped == 0 && sent > 0) {
            firstSendNanos = nanos;
        }
        // Held events are a few runs among those just sent (a batch may send some, then run out of credit).
        for (int i = stamped; i < sent; i++) {
            if (!held.get(i)) {
                sentAt[i] = nanos;
            }
        }
        stamped = sent;
    }

    /**
     * An ACK through {@code throughSequence} arrived at {@code nanos}.
     *
     * @return how many events it newly covered
     */
    int acknowledge(long throughSequence, long nanos) {
        int before = acked;
        while (acked < stamped && sequenceOf[acked] <= throughSequence) {
            latency.record(nanos - sentAt[acked]);
            acked++;
        }
        if (acked > before) {
            lastAckNanos = nanos;
        }
        return acked - before;
    }

    int sent() {
        return sent;
    }

    int acked() {
        return acked;
    }

    boolean allAcked() {
        return acked == sentAt.length;
    }

    /** Events that were held back for credit after they were due. */
    int heldForCredit() {
        return heldForCredit;
    }

    long firstSendNanos() {
        return firstSendNanos;
    }

    long lastAckNanos() {
        return lastAckNanos;
    }

    long sentAtNanos(int index) {
        return sentAt[index];
    }

    LatencyHistogram latency() {
        return latency;
    }
}
