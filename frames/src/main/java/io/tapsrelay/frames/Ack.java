package io.tapsrelay.frames;

import java.util.List;
import java.util.Objects;

/**
 * ACK payload (§3): every EVENT frame of the peer's direction up to {@code throughSequence} has
 * been processed. On {@code /send} it also names the events it covers.
 *
 * @param throughSequence the highest processed frame sequence
 * @param eventIds event ids covered, empty when absent on the wire
 * @param originSeqs the origin sequences of those events, empty when absent on the wire
 */
public record Ack(long throughSequence, List<String> eventIds, List<Long> originSeqs) implements Payload {
    public Ack {
        eventIds = List.copyOf(Objects.requireNonNull(eventIds, "eventIds"));
        originSeqs = List.copyOf(Objects.requireNonNull(originSeqs, "originSeqs"));
    }

    /** An ACK for a stream: no event list. */
    public static Ack through(long throughSequence) {
        return new Ack(throughSequence, List.of(), List.of());
    }
}
