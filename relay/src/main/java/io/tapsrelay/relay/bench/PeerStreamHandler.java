package io.tapsrelay.relay.bench;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2HeadersFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2ResetFrame;
import io.grpc.netty.shaded.io.netty.util.ReferenceCountUtil;
import io.tapsrelay.frames.codec.NdjsonDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The Netty side of one bench stream: waits for the relay's answer, then feeds its DATA through
 * the NDJSON decoder into a {@link StreamPeer}, one read cycle at a time. A refusal (any status but
 * 200) fails {@link #opened()} with the relay's problem detail.
 */
final class PeerStreamHandler extends ChannelInboundHandlerAdapter {
    private static final int MAX_PROBLEM_CHARS = 2048;

    private final StreamPeer peer;
    private final NdjsonDecoder decoder;
    private final String what;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final StringBuilder problem = new StringBuilder();
    private int status;
    private boolean closed;

    /**
     * @param what names the stream in failures, e.g. {@code load-1.bench -> relay.bench g!bench-1}
     * @param maxLineBytes the longest line the peer accepts (what its HELLO announces)
     */
    PeerStreamHandler(StreamPeer peer, int maxLineBytes, String what) {
        this.peer = peer;
        this.decoder = new NdjsonDecoder(maxLineBytes, peer);
        this.what = what;
    }

    /** Completes when the relay answered 200 and the peer has written its HELLO. */
    CompletableFuture<Void> opened() {
        return opened;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof Http2HeadersFrame headers && status == 0) {
                CharSequence s = headers.headers().status();
                status = s == null ? -1 : Integer.parseInt(s.toString());
                if (status == 200) {
                    peer.opened(new StreamOutlet(ctx.channel()), ctx.channel().eventLoop());
                    opened.complete(null);
                }
                if (headers.isEndStream()) {
                    end(ctx, "the relay ended the stream at once");
                }
            } else if (msg instanceof Http2DataFrame data) {
                onData(ctx, data);
            } else if (msg instanceof Http2ResetFrame reset) {
                end(ctx, "the relay reset the stream (" + reset.errorCode() + ")");
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onData(ChannelHandlerContext ctx, Http2DataFrame data) {
        ByteBuf content = data.content();
        if (status == 200) {
            if (content.isReadable()) {
                decoder.feed(content.nioBuffer());
            }
        } else if (problem.length() < MAX_PROBLEM_CHARS) {
            problem.append(content.toString(StandardCharsets.UTF_8));
        }
        if (data.isEndStream()) {
            if (status == 200) {
                decoder.finish();
                peer.readComplete();
            }
            end(ctx, "the relay ended the stream");
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (status == 200 && !closed) {
            peer.readComplete();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end(ctx, "the stream closed");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        end(ctx, "the stream failed: " + cause);
    }

    private void end(ChannelHandlerContext ctx, String why) {
        if (closed) {
            return;
        }
        closed = true;
        String detail = status == 200 || status == 0 ? why
                : "the relay answered " + status + " " + problem.toString().strip();
        opened.completeExceptionally(new BenchFailure(what + ": " + detail));
        peer.closed(detail);
        ctx.close();
    }
}
