package io.tapsrelay.frames.codec;

import io.tapsrelay.frames.Frame;

/**
 * Receives what an {@link NdjsonDecoder} decodes, on the thread that feeds it. The relay's
 * per-stream session implements this; tests implement it with a list.
 */
public interface FrameSink {
    /**
     * One decoded frame.
     *
     * @param wireBytes bytes the line took on the wire, its {@code \r} and {@code \n} included: the
     *     unit CREDIT budgets count (a final line without {@code \n} counts without it)
     */
    void onFrame(Frame frame, int wireBytes);

    /** A decoding error. All of them are fatal: the decoder ignores any further input. */
    void onError(DecodeError error);
}
