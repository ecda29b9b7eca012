package io.tapsrelay.antientropy.internal;

import io.tapsrelay.frames.CheckpointPayload;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.InvalidPayload;
import io.tapsrelay.frames.validate.FrameValidator;
import io.tapsrelay.frames.validate.Violation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one side of a checkpoint exchange (§7): a CHECKPOINT frame first, then only the frame types
 * that side may send, every frame from the authenticated peer and numbered 1, 2, 3 … Anything else
 * refuses the whole body with the ERROR code §3 gives it; frames of unknown types are kept for the
 * caller to answer with a non-fatal {@code unknown_frame_type}.
 */
final class ExchangeReader {
    /** The outcome of reading a body. */
    sealed interface Read permits Ok, Refused {}

    /**
     * @param view the CHECKPOINT payload of the first frame
     * @param rest the later frames in order: allowed types, and unknown ones
     */
    record Ok(CheckpointPayload view, List<Frame> rest) implements Read {}

    /** Why the whole body is refused, and the id of the frame at fault (or null). */
    record Refused(ErrorCode code, String message, String ref) implements Read {}

    private ExchangeReader() {}

    /**
     * @param peer the origin every frame must carry
     * @param lineLimit the limit of every line after the first
     * @param allowedAfter the known types allowed after the CHECKPOINT frame
     */
    static Read read(byte[] body, String peer, int lineLimit, Set<FrameType> allowedAfter) {
        FrameBody.Parsed parsed = FrameBody.parse(body, FrameBody.CHECKPOINT_LINE_LIMIT, lineLimit);
        if (parsed.error() != null) {
            return new Refused(parsed.error().code(), parsed.error().message(), parsed.error().ref());
        }
        List<Frame> frames = parsed.frames();
        if (frames.isEmpty()) {
            return new Refused(ErrorCode.MALFORMED_FRAME, "malformed_frame: the body holds no frame", null);
        }
        for (int i = 0; i < frames.size(); i++) {
            Optional<Refused> r = envelope(frames.get(i), i + 1, peer);
            if (r.isPresent()) {
                return r.get();
            }
        }
        Frame first = frames.get(0);
        if (first.knownType() != FrameType.CHECKPOINT) {
            return new Refused(ErrorCode.PROTOCOL_VIOLATION, "protocol_violation: the first frame of a checkpoint "
                    + "exchange must be CHECKPOINT, not " + first.type(), first.id());
        }
        if (first.payload() instanceof InvalidPayload invalid) {
            return new Refused(ErrorCode.MALFORMED_FRAME, "malformed_frame: " + invalid.problem(), first.id());
        }
        CheckpointPayload view = (CheckpointPayload) first.payload();
        Optional<Violation> v = FrameValidator.checkpoint(view);
        if (v.isPresent()) {
            return new Refused(v.get().code(), v.get().message(), first.id());
        }
        List<Frame> rest = frames.subList(1, frames.size());
        for (Frame f : rest) {
            FrameType type = f.knownType();
            if (type == null) {
                continue;
            }
            if (!allowedAfter.contains(type)) {
                return new Refused(ErrorCode.PROTOCOL_VIOLATION, "protocol_violation: " + f.type()
                        + " is not allowed in this part of a checkpoint exchange", f.id());
            }
            if (type != FrameType.EVENT && f.payload() instanceof InvalidPayload invalid) {
                return new Refused(ErrorCode.MALFORMED_FRAME, "malformed_frame: " + invalid.problem(), f.id());
            }
        }
        return new Ok(view, List.copyOf(rest));
    }

    private static Optional<Refused> envelope(Frame f, long expectedSequence, String peer) {
        Optional<Violation> v = FrameValidator.envelope(f);
        if (v.isPresent()) {
            return Optional.of(new Refused(v.get().code(), v.get().message(), f.id()));
        }
        if (!f.origin().equals(peer)) {
            return Optional.of(new Refused(ErrorCode.PROTOCOL_VIOLATION, "protocol_violation: origin " + f.origin()
                    + " is not the authenticated peer " + peer, f.id()));
        }
        if (f.sequence() != expectedSequence) {
            return Optional.of(new Refused(ErrorCode.SEQUENCE_VIOLATION, "sequence_violation: got " + f.sequence()
                    + ", expected " + expectedSequence, f.id()));
        }
        return Optional.empty();
    }
}
