package io.tapsrelay.relay.metrics;

import io.tapsrelay.frames.ErrorCode;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Relay-wide stream measurements that outlive single streams: how long durable ACKs take and which
 * ERROR codes this relay sent. Shared by every session; thread-safe and lock-free.
 */
public final class StreamMetrics {
    private static final ErrorCode[] CODES = ErrorCode.values();

    private final FixedHistogram ackLatency = new FixedHistogram("taps_stream_ack_latency_seconds",
            "Time from the first EVENT frame of a batch being read to the ACK covering the batch being written.",
            0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);
    private final AtomicLongArray errorsSent = new AtomicLongArray(CODES.length);

    /** Records one ACK written {@code nanos} after the first event of its batch was read. */
    public void ackWritten(long nanos) {
        ackLatency.observeNanos(nanos);
    }

    /** Counts one ERROR frame sent with {@code code}. */
    public void errorSent(ErrorCode code) {
        errorsSent.incrementAndGet(code.ordinal());
    }

    /** ERROR frames sent so far with {@code code}. */
    public long errorsSent(ErrorCode code) {
        return errorsSent.get(code.ordinal());
    }

    /** The ACK latency histogram. */
    public FixedHistogram ackLatency() {
        return ackLatency;
    }

    /** Appends the histogram and {@code taps_stream_errors_sent_total{code}} (every code, zeros too). */
    public void write(StringBuilder out) {
        ackLatency.write(out);
        out.append("# HELP taps_stream_errors_sent_total ERROR frames sent on peer streams, by code.\n")
                .append("# TYPE taps_stream_errors_sent_total counter\n");
        for (ErrorCode c : CODES) {
            out.append("taps_stream_errors_sent_total{code=\"").append(c.wireName()).append("\"} ")
                    .append(errorsSent.get(c.ordinal())).append('\n');
        }
    }
}
