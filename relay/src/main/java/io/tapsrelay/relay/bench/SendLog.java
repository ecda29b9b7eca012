package io.tapsrelay.relay.bench;

import java.util.Arrays;

/**
 * When each event of one stream went out and when it was acknowledged. Events are sent in index
 * order; an ACK covers every sent event whose frame {@code sequence} is at most its
 * {@code through_sequence} (§3), and each one's latency goes into the histogram.
 *
 * <p>Not thread-safe: owned by one stream's event loop; read by others once the stream is done.
 */
final class SendLog {
    private final long[] sentAt;
    private final long[] sequenceOf;
    private final LatencyHistogram latency = new LatencyHistogram();
    private int sent;
    private int stamped;
    private int acked;
    private long firstSendNanos;
    private long lastAckNanos;

    SendLog(int events) {
        this.sentAt = new long[events];
        this.sequenceOf = new long[events];
    }

    /** The next event went into the frame with {@code sequence}; it is stamped when the batch is flushed. */
    void add(long sequence) {
        if (sent > 0 && sequence <= sequenceOf[sent - 1]) {
            throw new IllegalArgumentException("sequence " + sequence + " after " + sequenceOf[sent - 1]);
        }
        sequenceOf[sent++] = sequence;
    }

    /** Every event sent since the last stamp left now ({@link System#nanoTime()}). */
    void stamp(long nanos) {
        if (stamped == 0 && sent > 0) {
            firstSendNanos = nanos;
        }
        Arrays.fill(sentAt, stamped, sent, nanos);
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
