package io.tapsrelay.relay.bench;

import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.Payload;
import io.tapsrelay.frames.codec.FrameEncoder;
import io.tapsrelay.frames.codec.Timestamps;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.endpoints.DiscoveryEndpoints;
import java.util.List;

/**
 * One bench peer's side of a stream: a fresh id, the next {@code sequence} and its origin on every
 * frame (§3). A line is encoded for the next sequence and may be held back (an EVENT waiting for
 * CREDIT); sending it checks that no other frame took that sequence meanwhile.
 *
 * <p>Not thread-safe: owned by the stream's event loop.
 */
final class OutboundFrames {
    private final String origin;
    private final FrameOutlet outlet;
    private long lastSequence;

    OutboundFrames(String origin, FrameOutlet outlet) {
        this.origin = origin;
        this.outlet = outlet;
    }

    /** The sequence the next frame sent will carry. */
    long nextSequence() {
        return lastSequence + 1;
    }

    /** Encodes a frame for {@link #nextSequence()}, without sending it. */
    Line encode(FrameType type, String group, Payload payload) {
        long sequence = nextSequence();
        return new Line(sequence, FrameEncoder.encode(
                Frame.of(type, Ulids.next(), origin, sequence, group, Timestamps.now(), payload)));
    }

    /**
     * Queues {@code line} on the outlet.
     *
     * @throws IllegalStateException when another frame took its sequence since it was encoded
     */
    void send(Line line) {
        if (line.sequence() != nextSequence()) {
            throw new IllegalStateException("frame line for sequence " + line.sequence() + " is stale; next is "
                    + nextSequence());
        }
        outlet.write(line.bytes());
        lastSequence = line.sequence();
    }

    /**
     * Queues this peer's HELLO (§3): protocol 1.0.0, the {@code stream} capability, only
     * {@code group}, and the longest line it accepts.
     */
    void sendHello(String group, int maxMessageSize) {
        send(FrameType.HELLO, null, new Hello(origin, DiscoveryEndpoints.PROTOCOL_VERSION, List.of("stream"),
                List.of(group), maxMessageSize));
    }

    /** Encodes and queues a frame. */
    void send(FrameType type, String group, Payload payload) {
        send(encode(type, group, payload));
    }

    void flush() {
        outlet.flush();
    }

    void end() {
        outlet.end();
    }

    /**
     * One encoded frame line and the sequence it carries. The bytes are not copied: the outlet
     * copies them when the line is written.
     */
    record Line(long sequence, byte[] bytes) {}
}
