package io.tapsrelay.relay.stream;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelFutureListener;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2DataFrame;

/**
 * Frame lines onto one HTTP/2 stream: lines written between flushes travel in one DATA frame.
 * Confined to the stream channel's event loop.
 */
final class Http2FrameTransport implements FrameTransport {
    private final Channel stream;
    private ByteBuf pending;
    private boolean closed;

    Http2FrameTransport(Channel stream) {
        this.stream = stream;
    }

    @Override
    public void write(byte[] line) {
        if (closed) {
            return;
        }
        if (pending == null) {
            pending = stream.alloc().buffer(Math.max(line.length, 4096));
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
    public void setReading(boolean reading) {
        stream.config().setAutoRead(reading);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        flush();
        closed = true;
        if (stream.isActive()) {
            stream.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.EMPTY_BUFFER, true))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }
}
