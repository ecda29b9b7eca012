package io.tapsrelay.frames;

import java.util.Objects;

/**
 * The payload of a known frame type that was absent, not an object, lacked a required field or
 * had a field of the wrong JSON type. The relay answers {@code invalid_event} (non-fatal) for an
 * EVENT and {@code malformed_frame} (fatal) for any other type. It cannot be encoded.
 *
 * @param type the frame's type
 * @param problem what was wrong, naming the field
 */
public record InvalidPayload(FrameType type, String problem) implements Payload {
    public InvalidPayload {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(problem, "problem");
    }
}
