package io.tapsrelay.relay.stream;

import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2ResetFrame;
import io.grpc.netty.shaded.io.netty.util.ReferenceCountUtil;
import io.tapsrelay.frames.codec.NdjsonDecoder;

/**
 * Feeds a stream's DATA into the NDJSON decoder and the session; one read cycle becomes one batch.
 */
final class StreamChannelHandler extends ChannelInboundHandlerAdapter {
    private final StreamSession session;
    private final NdjsonDecoder decoder;

    StreamChannelHandler(StreamSession session, int maxMessageSize) {
        this.session = session;
        this.decoder = new NdjsonDecoder(maxMessageSize, session);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof Http2DataFrame data) {
                if (data.content().isReadable()) {
                    decoder.feed(data.content().nioBuffer());
                }
                if (data.isEndStream()) {
                    decoder.finish();
                    session.onReadComplete();
                    session.onRemoteEnd();
                }
            } else if (msg instanceof Http2ResetFrame) {
                session.close("peer reset the stream");
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        session.onReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.close("stream closed");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        session.close("stream failed: " + cause.getMessage());
    }
}
