package io.tapsrelay.relay.client;

import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2PingFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2PingFrame;
import io.grpc.netty.shaded.io.netty.handler.timeout.IdleState;
import io.grpc.netty.shaded.io.netty.handler.timeout.IdleStateEvent;
import io.grpc.netty.shaded.io.netty.handler.timeout.IdleStateHandler;
import io.tapsrelay.relay.client.PeerCallException.Reason;
import java.util.concurrent.TimeUnit;

/**
 * Finds a connection that died without its close reaching this side: a peer process that stopped
 * reading but left its socket open, a host that vanished. When nothing has arrived for one interval
 * while streams are open, it sends a PING; when another interval passes without the ACK, the
 * connection is abandoned, so the calls on it fail at once and the next call dials afresh instead
 * of each call waiting out its response timeout.
 *
 * <p>{@link #idleDetector} must sit first in the pipeline, where every byte read counts as a sign
 * of life; this handler sits after the HTTP/2 codec, where the PING ACK arrives. A live peer's
 * codec answers a PING at once, however long its endpoints take to answer the streams.
 *
 * <p>State is confined to the connection's event loop.
 */
final class LivenessProbe extends ChannelInboundHandlerAdapter {
    private static final long PING_CONTENT = 0x7461_7073_7069_6e67L; // "tapsping"

    private final PeerConnection connection;
    private final long intervalMillis;
    private boolean awaitingAck;

    LivenessProbe(PeerConnection connection, long intervalMillis) {
        this.connection = connection;
        this.intervalMillis = intervalMillis;
    }

    /** Fires a reader-idle event after every interval in which nothing was read. */
    static IdleStateHandler idleDetector(long intervalMillis) {
        return new IdleStateHandler(intervalMillis, 0, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Http2PingFrame ping && ping.ack() && ping.content() == PING_CONTENT) {
            awaitingAck = false;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof IdleStateEvent idle) || idle.state() != IdleState.READER_IDLE) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        if (awaitingAck) {
            PeerAddress peer = connection.address();
            connection.abandon(new PeerCallException(Reason.CONNECTION_LOST, peer.toString(), peer
                    + " sent nothing, not even the ACK of a PING, for " + 2 * intervalMillis
                    + " ms while streams were open; the connection is taken for dead", null));
            return;
        }
        if (connection.isUsable() && connection.activeStreams() > 0) {
            awaitingAck = true;
            ctx.writeAndFlush(new DefaultHttp2PingFrame(PING_CONTENT));
        }
    }
}
