package io.tapsrelay.relay.client;

import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Error;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2SettingsFrame;
import io.grpc.netty.shaded.io.netty.util.ReferenceCountUtil;
import io.tapsrelay.relay.client.PeerCallException.Reason;

/**
 * The last handler of a connection's pipeline: turns what the connection-level frames and events
 * mean for the connection's life (SETTINGS: ready; GOAWAY or close: gone) into calls on its
 * {@link PeerConnection}, and releases everything that reaches it.
 */
final class ConnectionWatcher extends ChannelInboundHandlerAdapter {
    private final PeerConnection connection;

    ConnectionWatcher(PeerConnection connection) {
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof Http2SettingsFrame) {
                connection.settingsReceived();
            } else if (msg instanceof Http2GoAwayFrame goAway) {
                Http2Error error = Http2Error.valueOf(goAway.errorCode());
                connection.markGone("GOAWAY " + (error == null ? goAway.errorCode() : error.name())
                        + " last-stream " + goAway.lastStreamId());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection.ready().isDone()) {
            connection.markGone("closed");
        } else {
            PeerAddress peer = connection.address();
            connection.abandon(new PeerCallException(Reason.UNREACHABLE, peer.toString(),
                    "the connection to " + peer + " closed before HTTP/2 was set up", null));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String why = PeerCallException.describe(cause);
        if (connection.ready().isDone()) {
            // Streams in flight learn of it when the close reaches them.
            connection.markGone("failed: " + why);
            ctx.close();
            return;
        }
        PeerAddress peer = connection.address();
        connection.abandon(new PeerCallException(Reason.UNREACHABLE, peer.toString(),
                "the connection to " + peer + " failed: " + why, cause));
    }
}
