package io.tapsrelay.relay.http;

import io.grpc.netty.shaded.io.netty.buffer.ByteBufUtil;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.ChannelFutureListener;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.SimpleChannelInboundHandler;
import io.grpc.netty.shaded.io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.grpc.netty.shaded.io.netty.handler.codec.http.FullHttpRequest;
import io.grpc.netty.shaded.io.netty.handler.codec.http.FullHttpResponse;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpHeaderNames;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpResponseStatus;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpUtil;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpVersion;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One-shot requests over plain HTTP/1.1 (discovery with a plain {@code curl}, scripts). Frame
 * streams need HTTP/2 and are answered 505.
 */
final class Http1RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final Router router;
    private final RequestGate gate;

    Http1RequestHandler(Router router, RequestGate gate) {
        this.router = router;
        this.gate = gate;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        Map<String, String> headers = new HashMap<>();
        req.headers().forEach(e -> headers.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        RequestHead head = new RequestHead(req.method().name(), req.uri(), headers, Map.of(),
                String.valueOf(ctx.channel().remoteAddress()));
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        var refused = gate.admit(head);
        if (refused.isPresent()) {
            write(ctx, refused.get().toResult(), keepAlive);
            return;
        }
        Router.Match match = router.match(head.method(), head.path());
        if (match instanceof Router.Match.Failed failed) {
            write(ctx, failed.problem().toResult(failed.headers()), keepAlive);
            return;
        }
        Router.Match.Found found = (Router.Match.Found) match;
        RequestHead bound = head.withPathParams(found.params());
        Route route = found.route();
        if (route instanceof Route.Streaming) {
            write(ctx, new Problem(505, "HTTP Version Not Supported",
                    "frame streams need HTTP/2 (h2c prior knowledge, Upgrade: h2c, or TLS with ALPN h2)").toResult(), false);
            return;
        }
        if (route.requiredContentType() != null && !MediaTypes.isFrames(bound.header("content-type"))) {
            write(ctx, Problem.unsupportedMediaType("content-type '" + bound.header("content-type")
                    + "' is not " + MediaTypes.FRAMES).toResult(), keepAlive);
            return;
        }
        Route.Unary unary = (Route.Unary) route;
        if (req.content().readableBytes() > unary.maxBodyBytes()) {
            write(ctx, Problem.payloadTooLarge("request body is over the limit of " + unary.maxBodyBytes()
                    + " bytes for " + bound.path()).toResult(), false);
            return;
        }
        byte[] body = ByteBufUtil.getBytes(req.content());
        unary.endpoint().handle(bound, body).whenComplete((result, error) -> ctx.executor().execute(() ->
                write(ctx, error == null ? result
                        : Problem.internalError("the relay failed to answer: " + error.getMessage()).toResult(), keepAlive)));
    }

    private static void write(ChannelHandlerContext ctx, HttpResult result, boolean keepAlive) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(result.status()), Unpooled.wrappedBuffer(result.body()));
        if (result.contentType() != null) {
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, result.contentType());
        }
        result.headers().forEach((k, v) -> res.headers().set(k, v));
        HttpUtil.setContentLength(res, result.body().length);
        HttpUtil.setKeepAlive(res, keepAlive);
        var f = ctx.writeAndFlush(res);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
