package io.tapsrelay.antientropy.internal;

import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.codec.DecodeError;
import io.tapsrelay.frames.codec.FrameSink;
import io.tapsrelay.frames.codec.NdjsonDecoder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a whole checkpoint body (request or answer): the first frame line under its own limit,
 * every later line under the frame limit.
 *
 * <p>Why two limits: a CHECKPOINT line grows with the number of holes and origins of the group, and
 * the relay bounds it by listing at most {@link Views#MAX_MISSING_RANGES} ranges; the EVENT lines
 * after it are ordinary frames and keep {@code max_message_size}.
 */
final class FrameBody {
    /** The longest CHECKPOINT line accepted, in bytes: room for every range a view may list, and more. */
    static final int CHECKPOINT_LINE_LIMIT = 4 << 20;

    /** The frames in order, or the first decoding error (after which nothing else is decoded). */
    record Parsed(List<Frame> frames, DecodeError error) {}

    private FrameBody() {}

    static Parsed parse(byte[] body, int firstLineLimit, int lineLimit) {
        List<Frame> frames = new ArrayList<>();
        DecodeError[] failure = new DecodeError[1];
        FrameSink sink = new FrameSink() {
            @Override
            public void onFrame(Frame frame, int wireBytes) {
                frames.add(frame);
            }

            @Override
            public void onError(DecodeError error) {
                failure[0] = error;
            }
        };
        int split = endOfFirstFrameLine(body);
        NdjsonDecoder first = new NdjsonDecoder(Math.max(firstLineLimit, lineLimit), sink);
        first.feed(ByteBuffer.wrap(body, 0, split));
        first.finish();
        if (failure[0] == null && split < body.length) {
            NdjsonDecoder rest = new NdjsonDecoder(lineLimit, sink);
            rest.feed(ByteBuffer.wrap(body, split, body.length - split));
            rest.finish();
        }
        return new Parsed(frames, failure[0]);
    }

    /** The offset just past the line feed ending the first line that is not blank, or the body's length. */
    private static int endOfFirstFrameLine(byte[] body) {
        int start = 0;
        while (start < body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            if (!isBlank(body, start, end)) {
                return Math.min(body.length, end + 1);
            }
            start = end + 1;
        }
        return body.length;
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
