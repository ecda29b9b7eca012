package io.tapsrelay.antientropy.internal;

import io.tapsrelay.frames.CheckpointPayload;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.OriginView;
import io.tapsrelay.frames.codec.FrameEncoder;
import io.tapsrelay.frames.codec.Timestamps;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.http.HttpResult;
import java.util.List;

/** The non-EVENT frame lines of a checkpoint exchange, written by this relay. Stateless. */
final class Frames {
    private Frames() {}

    static byte[] checkpoint(String selfId, List<OriginView> view, boolean truncated) {
        return FrameEncoder.encode(Frame.of(FrameType.CHECKPOINT, Ulids.next(), selfId, 1, null, Timestamps.now(),
                new CheckpointPayload(view, truncated)));
    }

    static byte[] error(String selfId, long sequence, ErrorCode code, String message, String ref) {
        return FrameEncoder.encode(Frame.of(FrameType.ERROR, Ulids.next(), selfId, sequence, null, Timestamps.now(),
                ErrorPayload.of(code, message, ref)));
    }

    /** A refused exchange: one ERROR frame, with the status §3 gives its code on a one-shot request. */
    static HttpResult refusal(String selfId, ErrorCode code, String message, String ref) {
        return HttpResult.frames(code.sendStatus(), error(selfId, 1, code, message, ref));
    }
}
