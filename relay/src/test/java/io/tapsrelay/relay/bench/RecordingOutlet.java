package io.tapsrelay.relay.bench;

import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.codec.DecodeError;
import io.tapsrelay.frames.codec.FrameSink;
import io.tapsrelay.frames.codec.NdjsonDecoder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A {@link FrameOutlet} that decodes and keeps everything a bench peer writes, for tests. */
final class RecordingOutlet implements FrameOutlet {
    /** A frame as written, with its line's length (line feed included). */
    record Written(Frame frame, int lineBytes) {}

    final List<Written> written = new ArrayList<>();
    /** Each line as written, copied (a load peer's lines are rewritten before it sends them again). */
    final List<byte[]> lines = new ArrayList<>();
    int flushes;
    boolean ended;
    private final NdjsonDecoder decoder = new NdjsonDecoder(1 << 20, new FrameSink() {
        @Override
        public void onFrame(Frame frame, int wireBytes) {
            written.add(new Written(frame, wireBytes));
        }

        @Override
        public void onError(DecodeError error) {
            throw new AssertionError("a bench peer wrote an undecodable line: " + error);
        }
    });

    @Override
    public void write(byte[] line) {
        if (line.length == 0 || line[line.length - 1] != '\n') {
            throw new AssertionError("a frame line must end with exactly one line feed");
        }
        lines.add(line.clone());
        decoder.feed(ByteBuffer.wrap(line));
    }

    @Override
    public void flush() {
        flushes++;
    }

    @Override
    public void end() {
        ended = true;
    }

    List<Written> ofType(FrameType type) {
        return written.stream().filter(w -> w.frame().knownType() == type).toList();
    }

    long eventBytes() {
        return ofType(FrameType.EVENT).stream().mapToLong(Written::lineBytes).sum();
    }
}
