package io.tapsrelay.relay.http;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.channel.ChannelFutureListener;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Headers;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2HeadersFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2StreamChannel;
import io.grpc.netty.shaded.io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The first handler of every inbound HTTP/2 stream: reads the request headers, routes, checks the
 * media type, then either collects a bounded one-shot body or hands the stream to a streaming
 * endpoint.
 */
final class Http2RequestHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = Logger.getLogger(Http2RequestHandler.class.getName());

    private final Router router;
    private final RequestGate gate;
    private RequestHead head;
    private Route.Unary unary;
    private ByteArrayOutputStream body;
    private boolean answered;

    Http2RequestHandler(Router router, RequestGate gate) {
        this.router = router;
        this.gate = gate;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof Http2HeadersFrame headers && head == null) {
                onHeaders(ctx, headers);
            } else if (msg instanceof Http2DataFrame data) {
                onData(ctx, data);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHeaders(ChannelHandlerContext ctx, Http2HeadersFrame frame) {
        head = toHead(frame.headers(), ctx.channel().parent().remoteAddress());
        var refused = gate.admit(head);
        if (refused.isPresent()) {
            answer(ctx, refused.get().toResult());
            return;
        }
        Router.Match match = router.match(head.method(), head.path());
        if (match instanceof Router.Match.Failed failed) {
            answer(ctx, failed.problem().toResult(failed.headers()));
            return;
        }
        Router.Match.Found found = (Router.Match.Found) match;
        head = head.withPathParams(found.params());
        Route route = found.route();
        if (route.requiredContentType() != null && !MediaTypes.isFrames(head.header("content-type"))) {
            answer(ctx, Problem.unsupportedMediaType("content-type '" + head.header("content-type")
                    + "' is not " + MediaTypes.FRAMES).toResult());
            return;
        }
        if (route instanceof Route.Streaming streaming) {
            ctx.channel().config().setAutoRead(false);
            ctx.pipeline().remove(this);
            streaming.endpoint().open(head, (Http2StreamChannel) ctx.channel());
            return;
        }
        unary = (Route.Unary) route;
        body = new ByteArrayOutputStream();
        if (frame.isEndStream()) {
            dispatch(ctx);
        }
    }

    private void onData(ChannelHandlerContext ctx, Http2DataFrame data) {
        if (unary == null || answered) {
            return;
        }
        ByteBuf content = data.content();
        if (body.size() + (long) content.readableBytes() > unary.maxBodyBytes()) {
            answer(ctx, Problem.payloadTooLarge("request body is over the limit of " + unary.maxBodyBytes()
                    + " bytes for " + head.path()).toResult());
            return;
        }
        byte[] chunk = new byte[content.readableBytes()];
        content.readBytes(chunk);
        body.writeBytes(chunk);
        if (data.isEndStream()) {
            dispatch(ctx);
        }
    }

    private void dispatch(ChannelHandlerContext ctx) {
        byte[] bytes = body.toByteArray();
        body = null;
        answered = true;
        unary.endpoint().handle(head, bytes).whenComplete((result, error) -> ctx.executor().execute(() -> {
            if (error != null) {
                LOG.log(Level.WARNING, "event=request-failed path=" + head.path(), error);
                Http2Responses.write(ctx.channel(), Problem.internalError("the relay failed to answer: "
                        + error.getMessage()).toResult());
                return;
            }
            Http2Responses.write(ctx.channel(), result);
        }));
    }

    private void answer(ChannelHandlerContext ctx, HttpResult result) {
        answered = true;
        // Ending our side is enough: the child channel resets the stream if the client still sends.
        Http2Responses.write(ctx.channel(), result).addListener(ChannelFutureListener.CLOSE);
    }

    static RequestHead toHead(Http2Headers headers, SocketAddress remote) {
        Map<String, String> map = new HashMap<>();
        headers.forEach(e -> {
            String name = e.getKey().toString();
            if (!name.startsWith(":")) {
                map.putIfAbsent(name.toLowerCase(Locale.ROOT), e.getValue().toString());
            }
        });
        String method = headers.method() == null ? "" : headers.method().toString();
        String path = headers.path() == null ? "/" : headers.path().toString();
        return new RequestHead(method, path, map, Map.of(), String.valueOf(remote));
    }
}
