package io.tapsrelay.relay.client;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.ByteBufUtil;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Error;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Headers;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2HeadersFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2ResetFrame;
import io.grpc.netty.shaded.io.netty.util.ReferenceCountUtil;
import io.tapsrelay.relay.client.PeerCallException.Reason;
import io.tapsrelay.relay.http.HttpResult;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Collects one response on its stream channel: status, headers and a body of at most
 * {@code maxBytes}, then completes the future. Anything that ends the stream early fails it.
 */
final class ResponseCollector extends ChannelInboundHandlerAdapter {
    private final String url;
    private final long maxBytes;
    private final CompletableFuture<HttpResult> result;
    private int status = -1;
    private Map<String, String> headers;
    private String contentType;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    ResponseCollector(String url, long maxBytes, CompletableFuture<HttpResult> result) {
        this.url = url;
        this.maxBytes = maxBytes;
        this.result = result;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (result.isDone()) {
                return;
            }
            if (msg instanceof Http2HeadersFrame frame) {
                onHeaders(ctx, frame);
            } else if (msg instanceof Http2DataFrame frame) {
                onData(ctx, frame);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHeaders(ChannelHandlerContext ctx, Http2HeadersFrame frame) {
        if (status >= 0) {
            // Trailers: nothing in them matters to a one-shot call, only that the stream ended.
            if (frame.isEndStream()) {
                complete();
            }
            return;
        }
        Http2Headers h = frame.headers();
        int parsed = parseStatus(h.status());
        if (parsed < 0) {
            fail(ctx, Reason.BAD_RESPONSE, url + " answered without a valid :status (" + h.status() + ")");
            return;
        }
        if (parsed < 200 && !frame.isEndStream()) {
            return; // informational (1xx): the real response follows
        }
        status = parsed;
        headers = new HashMap<>();
        h.forEach(e -> {
            String name = e.getKey().toString();
            if (!name.startsWith(":")) {
                headers.putIfAbsent(name, e.getValue().toString());
            }
        });
        contentType = headers.get("content-type");
        long declared = parseLength(headers.get("content-length"));
        if (declared > maxBytes) {
            fail(ctx, Reason.RESPONSE_TOO_LARGE, url + " announced a body of " + declared
                    + " bytes > max " + maxBytes);
            return;
        }
        if (frame.isEndStream()) {
            complete();
        }
    }

    private void onData(ChannelHandlerContext ctx, Http2DataFrame frame) {
        if (status < 0) {
            fail(ctx, Reason.BAD_RESPONSE, url + " sent DATA before response HEADERS");
            return;
        }
        ByteBuf content = frame.content();
        long total = (long) body.size() + content.readableBytes();
        if (total > maxBytes) {
            fail(ctx, Reason.RESPONSE_TOO_LARGE, url + " answered more than " + maxBytes
                    + " bytes (" + total + " so far) > max " + maxBytes);
            return;
        }
        body.writeBytes(ByteBufUtil.getBytes(content));
        if (frame.isEndStream()) {
            complete();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        try {
            if (evt instanceof Http2ResetFrame reset) {
                Http2Error error = Http2Error.valueOf(reset.errorCode());
                String name = error == null ? "code " + reset.errorCode() : error.name();
                fail(ctx, Reason.STREAM_RESET, url + " reset the stream with " + name);
            } else if (evt instanceof Http2GoAwayFrame) {
                fail(ctx, Reason.CONNECTION_LOST, url + " sent GOAWAY before processing the request; it is safe to retry");
            }
        } finally {
            ReferenceCountUtil.release(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!result.isDone()) {
            result.completeExceptionally(new PeerCallException(Reason.CONNECTION_LOST, url,
                    "the stream to " + url + " closed before the response was complete", null));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!result.isDone()) {
            result.completeExceptionally(new PeerCallException(Reason.CONNECTION_LOST, url,
                    "the stream to " + url + " failed: " + cause, cause));
        }
        ctx.close();
    }

    private void complete() {
        result.complete(new HttpResult(status, contentType, headers, body.toByteArray()));
    }

    /** Fails the call and closes the stream, which resets it if it is still open. */
    private void fail(ChannelHandlerContext ctx, Reason reason, String detail) {
        result.completeExceptionally(new PeerCallException(reason, url, detail, null));
        ctx.close();
    }

    private static int parseStatus(CharSequence value) {
        if (value == null || value.length() != 3) {
            return -1;
        }
        try {
            int s = Integer.parseInt(value.toString());
            return s >= 100 && s <= 599 ? s : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseLength(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
