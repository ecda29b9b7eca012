package io.tapsrelay.frames;

import java.util.Objects;

/**
 * One frame line (§3) as decoded: the envelope fields and the payload. Forms (ULIDs, server ids,
 * sequence range) are not checked here; {@code FrameValidator.envelope} does that.
 *
 * @param type the {@code type} string exactly as received; may name no known type
 * @param id the frame id
 * @param origin the server (or, on a client {@code /send}, the client) that wrote the frame
 * @param sequence per stream and direction, 1 for the first frame
 * @param groupId null when absent (or JSON null)
 * @param timestamp null when absent (or JSON null)
 * @param payload matches the type: the type's record, {@link InvalidPayload} of the same type, or
 *     {@link UnknownPayload} exactly when the type is unknown
 */
public record Frame(
        String type, String id, String origin, long sequence, String groupId, String timestamp, Payload payload) {
    public Frame {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(payload, "payload");
        FrameType known = FrameType.fromWire(type);
        FrameType carried = typeCarriedBy(payload);
        if (known != carried) {
            throw new IllegalArgumentException(
                    "frame type " + type + " cannot carry " + payload.getClass().getSimpleName());
        }
    }

    /** A frame of a known type. */
    public static Frame of(
            FrameType type, String id, String origin, long sequence, String groupId, String timestamp, Payload payload) {
        return new Frame(type.wireName(), id, origin, sequence, groupId, timestamp, payload);
    }

    /** The type, or null when {@link #type()} names no type this version knows. */
    public FrameType knownType() {
        return FrameType.fromWire(type);
    }

    // Java 17 has no pattern switch; a chain of instanceof keeps the sealed hierarchy exhaustive by review.
    private static FrameType typeCarriedBy(Payload payload) {
        if (payload instanceof Hello) {
            return FrameType.HELLO;
        } else if (payload instanceof Credit) {
            return FrameType.CREDIT;
        } else if (payload instanceof EventRecord) {
            return FrameType.EVENT;
        } else if (payload instanceof Ack) {
            return FrameType.ACK;
        } else if (payload instanceof Ping) {
            return FrameType.PING;
        } else if (payload instanceof Pong) {
            return FrameType.PONG;
        } else if (payload instanceof ErrorPayload) {
            return FrameType.ERROR;
        } else if (payload instanceof CheckpointPayload) {
            return FrameType.CHECKPOINT;
        } else if (payload instanceof InvalidPayload invalid) {
            return invalid.type();
        }
        return null;
    }
}
