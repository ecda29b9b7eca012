package io.tapsrelay.relay.stream;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2HeadersFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2StreamChannel;
import io.grpc.netty.shaded.io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Waits for the answer to a dialed {@code /stream} request: on 200 the stream becomes a session;
 * anything else fails the dial with the peer's problem detail.
 */
final class DialHandler extends ChannelInboundHandlerAdapter {
    private static final int MAX_PROBLEM_BYTES = 4096;

    private final SessionFactory sessions;
    private final String peer;
    private final String group;
    private final CompletableFuture<StreamSession> outcome;
    private int status;
    private final StringBuilder problem = new StringBuilder();

    DialHandler(SessionFactory sessions, String peer, String group, CompletableFuture<StreamSession> outcome) {
        this.sessions = sessions;
        this.peer = peer;
        this.group = group;
        this.outcome = outcome;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof Http2HeadersFrame headers && status == 0) {
                status = headers.headers().status() == null ? 0 : Integer.parseInt(headers.headers().status().toString());
                if (status == 200) {
                    ctx.pipeline().remove(this);
                    outcome.complete(sessions.attach((Http2StreamChannel) ctx.channel(), Role.DIALED, peer, group));
                } else if (headers.isEndStream()) {
                    fail(ctx);
                }
            } else if (msg instanceof Http2DataFrame data) {
                ByteBuf c = data.content();
                if (problem.length() < MAX_PROBLEM_BYTES) {
                    problem.append(c.toString(StandardCharsets.UTF_8));
                }
                if (data.isEndStream()) {
                    fail(ctx);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void fail(ChannelHandlerContext ctx) {
        outcome.completeExceptionally(new DialRefusedException(peer, group, status, problem.toString()));
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        outcome.completeExceptionally(new DialRefusedException(peer, group, status, "stream closed before an answer"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        outcome.completeExceptionally(cause);
        ctx.close();
    }

    /** The peer answered the stream request with an error status. */
    static final class DialRefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        DialRefusedException(String peer, String group, int status, String detail) {
            super("peer " + peer + " refused stream for " + group + ": status " + status + " " + detail);
        }
    }
}
