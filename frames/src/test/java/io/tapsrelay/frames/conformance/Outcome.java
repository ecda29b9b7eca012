package io.tapsrelay.frames.conformance;

import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.InvalidPayload;
import io.tapsrelay.frames.codec.DecodeError;
import io.tapsrelay.frames.validate.FrameValidator;
import io.tapsrelay.frames.validate.Violation;
import java.util.Optional;

/**
 * What a receiver makes of one line: the decoder, then the validator as the README of the fixtures
 * describes (envelope, then the per-type check; an invalid payload is {@code invalid_event} on an
 * EVENT and {@code malformed_frame} otherwise; an unknown type is {@code unknown_frame_type}).
 *
 * @param frame the decoded frame, null when the decoder rejected the line
 * @param code the error, null when the frame passed
 */
record Outcome(Frame frame, int wireBytes, ErrorCode code, boolean fatal, String ref) {
    static Outcome rejected(DecodeError error) {
        return new Outcome(null, 0, error.code(), error.code().fatal(), error.ref());
    }

    static Outcome of(Frame frame, int wireBytes, String pathGroup) {
        Optional<Violation> violation = check(frame, pathGroup);
        if (violation.isEmpty()) {
            return new Outcome(frame, wireBytes, null, false, null);
        }
        ErrorCode code = violation.get().code();
        return new Outcome(frame, wireBytes, code, code.fatal(), frame.id());
    }

    private static Optional<Violation> check(Frame frame, String pathGroup) {
        Optional<Violation> envelope = FrameValidator.envelope(frame);
        if (envelope.isPresent()) {
            return envelope;
        }
        FrameType type = frame.knownType();
        if (type == null) {
            return Optional.of(Violation.of(ErrorCode.UNKNOWN_FRAME_TYPE, "type " + frame.type() + " is not known"));
        }
        if (frame.payload() instanceof InvalidPayload invalid) {
            ErrorCode code = type == FrameType.EVENT ? ErrorCode.INVALID_EVENT : ErrorCode.MALFORMED_FRAME;
            return Optional.of(Violation.of(code, invalid.problem()));
        }
        switch (type) {
            case HELLO: return FrameValidator.hello((io.tapsrelay.frames.Hello) frame.payload());
            case CREDIT: return FrameValidator.credit((io.tapsrelay.frames.Credit) frame.payload());
            case ACK: return FrameValidator.ack((io.tapsrelay.frames.Ack) frame.payload());
            case PONG: return FrameValidator.pong((io.tapsrelay.frames.Pong) frame.payload());
            case CHECKPOINT: return FrameValidator.checkpoint((io.tapsrelay.frames.CheckpointPayload) frame.payload());
            case EVENT: return FrameValidator.event((EventRecord) frame.payload(), frame.groupId(), pathGroup);
            default: return Optional.empty();
        }
    }

    /** For messages: what happened, in the fixture's own words. */
    String describe() {
        String what = code == null ? "frame " + frame.type() : "error " + code.wireName() + (fatal ? " (fatal)" : "");
        return what + (ref == null ? "" : " ref " + ref);
    }
}
