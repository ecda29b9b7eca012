package io.tapsrelay.relay.http;

import io.grpc.netty.shaded.io.netty.channel.ChannelHandler;
import io.grpc.netty.shaded.io.netty.channel.ChannelInitializer;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2StreamChannel;

/** Gives every inbound HTTP/2 stream its own request handler. */
@ChannelHandler.Sharable
final class Http2StreamInitializer extends ChannelInitializer<Http2StreamChannel> {
    private final Router router;
    private final RequestGate gate;

    Http2StreamInitializer(Router router, RequestGate gate) {
        this.router = router;
        this.gate = gate;
    }

    @Override
    protected void initChannel(Http2StreamChannel ch) {
        ch.pipeline().addLast(new Http2RequestHandler(router, gate));
    }
}
