package io.tapsrelay.frames.codec;

import io.tapsrelay.frames.Frame;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a decoder reported, in order. */
final class RecordingSink implements FrameSink {
    final List<Frame> frames = new ArrayList<>();
    final List<Integer> wireBytes = new ArrayList<>();
    final List<DecodeError> errors = new ArrayList<>();

    @Override
    public void onFrame(Frame frame, int bytes) {
        frames.add(frame);
        wireBytes.add(bytes);
    }

    @Override
    public void onError(DecodeError error) {
        errors.add(error);
    }

    DecodeError onlyError() {
        if (errors.size() != 1) {
            throw new AssertionError("expected one error, got " + errors + " and frames " + frames);
        }
        return errors.get(0);
    }
}
