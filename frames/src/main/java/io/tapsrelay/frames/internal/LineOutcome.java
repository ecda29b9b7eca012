package io.tapsrelay.frames.internal;

import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.codec.DecodeError;

/** What one line decoded to: a frame, or the error that ends the stream. */
public sealed interface LineOutcome {
    /** The line is a frame (its payload may still be {@code InvalidPayload} or {@code UnknownPayload}). */
    record Parsed(Frame frame) implements LineOutcome {}

    /** The line is not a frame. */
    record Rejected(DecodeError error) implements LineOutcome {}
}
