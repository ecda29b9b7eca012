package io.tapsrelay.relay.http;

import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2CodecUtil;

/**
 * Widens an HTTP/2 connection's receive window from the protocol's initial 65,535 bytes to
 * {@link #BYTES} once the frame codec before it has sent its SETTINGS, then leaves the pipeline.
 *
 * <p>The connection window caps what a peer may send before this side's WINDOW_UPDATE comes back,
 * whatever the stream windows allow: at 64 KiB a peer streaming events sends a few dozen and waits
 * a round trip, so every read cycle — and so every batch, commit and ACK — stays small. Stream
 * windows still bound what one stream that stopped reading can leave buffered here.
 *
 * <p>Place it right after the {@code Http2FrameCodec}: the window update travels through the codec,
 * which sends it as a WINDOW_UPDATE for stream 0.
 */
public final class ConnectionWindow extends ChannelInboundHandlerAdapter {
    /** The connection receive window this side grants. */
    public static final int BYTES = 8 << 20;

    private boolean widened;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // Added after the connection is up (upgrade, ALPN, prior knowledge): the codec already sent SETTINGS.
        if (ctx.channel().isActive()) {
            widen(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // The codec before this handler has sent its preface by the time the event gets here.
        ctx.fireChannelActive();
        widen(ctx);
    }

    private void widen(ChannelHandlerContext ctx) {
        if (widened) {
            return;
        }
        widened = true;
        ctx.writeAndFlush(new DefaultHttp2WindowUpdateFrame(BYTES - Http2CodecUtil.DEFAULT_WINDOW_SIZE));
        ctx.pipeline().remove(this);
    }
}
