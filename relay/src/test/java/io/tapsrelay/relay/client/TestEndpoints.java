package io.tapsrelay.relay.client;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2GoAwayFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Error;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2StreamChannel;
import io.grpc.netty.shaded.io.netty.util.ReferenceCountUtil;
import io.tapsrelay.relay.http.Http2Responses;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.MediaTypes;
import io.tapsrelay.relay.http.RequestHead;
import io.tapsrelay.relay.http.Route;
import io.tapsrelay.relay.http.Router;
import io.tapsrelay.relay.http.StreamingEndpoint;
import io.tapsrelay.relay.http.UnaryEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/** The endpoints the client tests talk to. */
final class TestEndpoints {
    static final int BIG_BODY = 10_000;
    static final int CHUNK = 600;
    static final int CHUNKS = 3;
    static final long BULK_SEED = 20_261_123L;
    static final int BULK_BODY = 3 << 20;

    Router router() {
        Route.Unary echo = new Route.Unary(echo(), 1 << 20, null);
        return Router.builder()
                .route("GET", "/echo/{name}", echo)
                .route("POST", "/echo/{name}", echo)
                .route("GET", "/big", new Route.Unary((head, body) -> done(200, new byte[BIG_BODY]), 1024, null))
                .route("GET", "/bulk", new Route.Unary((head, body) -> done(200, bulk()), 1024, null))
                .route("GET", "/never", new Route.Unary((head, body) -> new CompletableFuture<>(), 1024, null))
                .route("POST", "/chunks", new Route.Streaming(TestEndpoints::chunks, null))
                .route("POST", "/lines", new Route.Streaming(TestEndpoints::echoLines, null))
                .route("POST", "/hold", new Route.Streaming(TestEndpoints::hold, null))
                .route("POST", "/goaway", new Route.Streaming(TestEndpoints::goAwayThenAnswer, null))
                .build();
    }

    static byte[] bulk() {
        byte[] b = new byte[BULK_BODY];
        new Random(BULK_SEED).nextBytes(b);
        return b;
    }

    /** Answers with the request body and what it saw of the request in x-seen-* headers. */
    private static UnaryEndpoint echo() {
        return (head, body) -> {
            Map<String, String> seen = new HashMap<>();
            seen.put("x-seen-method", head.method());
            seen.put("x-seen-path", head.pathWithQuery());
            seen.put("x-seen-test", String.valueOf(head.header("x-test")));
            String type = head.header("content-type") == null ? "text/plain" : head.header("content-type");
            byte[] answer = body.length == 0 ? "hello".getBytes(StandardCharsets.UTF_8) : body;
            return CompletableFuture.completedFuture(new HttpResult(200, type, seen, answer));
        };
    }

    private static CompletableFuture<HttpResult> done(int status, byte[] body) {
        return CompletableFuture.completedFuture(new HttpResult(status, "application/octet-stream", Map.of(), body));
    }

    /** A response without content-length, in several DATA frames. */
    private static void chunks(RequestHead head, Http2StreamChannel ch) {
        ch.write(new DefaultHttp2HeadersFrame(Http2Responses.headers(200, "application/octet-stream", Map.of()), false));
        for (int i = 0; i < CHUNKS; i++) {
            ch.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(new byte[CHUNK]), i == CHUNKS - 1));
        }
        ch.flush();
    }

    /** Answers 200, then sends {@code echo <line>} for every line it receives; ends when the client ends. */
    private static void echoLines(RequestHead head, Http2StreamChannel ch) {
        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            private final StringBuilder pending = new StringBuilder();

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                try {
                    if (msg instanceof Http2DataFrame data) {
                        pending.append(data.content().toString(StandardCharsets.UTF_8));
                        StringBuilder out = new StringBuilder();
                        int nl;
                        while ((nl = pending.indexOf("\n")) >= 0) {
                            out.append("echo ").append(pending, 0, nl).append('\n');
                            pending.delete(0, nl + 1);
                        }
                        ByteBuf reply = Unpooled.copiedBuffer(out, StandardCharsets.UTF_8);
                        if (reply.isReadable() || data.isEndStream()) {
                            ctx.writeAndFlush(new DefaultHttp2DataFrame(reply, data.isEndStream()));
                        } else {
                            reply.release();
                        }
                    }
                } finally {
                    ReferenceCountUtil.release(msg);
                }
            }
        });
        ch.writeAndFlush(new DefaultHttp2HeadersFrame(Http2Responses.headers(200, MediaTypes.FRAMES, Map.of()), false));
        ch.config().setAutoRead(true);
    }

    /** Answers 200 and keeps the stream open until the client ends it. */
    private static void hold(RequestHead head, Http2StreamChannel ch) {
        ch.writeAndFlush(new DefaultHttp2HeadersFrame(Http2Responses.headers(200, MediaTypes.FRAMES, Map.of()), false));
        ch.config().setAutoRead(true);
    }

    /** Tells the client to go away (this stream still served), then answers. */
    private static void goAwayThenAnswer(RequestHead head, Http2StreamChannel ch) {
        ch.parent().writeAndFlush(new DefaultHttp2GoAwayFrame(Http2Error.NO_ERROR));
        ch.writeAndFlush(new DefaultHttp2HeadersFrame(Http2Responses.headers(204, null, Map.of()), true));
    }
}
