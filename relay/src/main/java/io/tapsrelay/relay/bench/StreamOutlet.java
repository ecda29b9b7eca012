package io.tapsrelay.relay.bench;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2DataFrame;

/**
 * Frame lines onto one HTTP/2 stream: the lines queued between flushes travel as one DATA frame
 * (split by the codec at the peer's frame size), as the relay writes its own, so the relay reads a
 * credit window's worth of events in a few reads rather than one per event.
 */
final class StreamOutlet implements FrameOutlet {
    private static final int INITIAL_BUFFER = 16 * 1024;

    private final Channel stream;
    private ByteBuf pending;
    private boolean ended;

    StreamOutlet(Channel stream) {
        this.stream = stream;
    }

    @Override
    public void write(byte[] line) {
        if (ended) {
            return;
        }
        if (pending == null) {
            pending = stream.alloc().buffer(Math.max(line.length, INITIAL_BUFFER));
        }
        pending.writeBytes(line);
    }

    @Override
    public void flush() {
        if (pending != null) {
            ByteBuf out = pending;
            pending = null;
            stream.writeAndFlush(new DefaultHttp2DataFrame(out, false));
        }
    }

    @Override
    public void end() {
        if (ended) {
            return;
        }
        flush();
        ended = true;
        if (stream.isActive()) {
            stream.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.EMPTY_BUFFER, true));
        }
    }
}
