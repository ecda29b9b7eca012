package io.tapsrelay.relay.http;

import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInitializer;
import io.grpc.netty.shaded.io.netty.channel.ChannelPipeline;
import io.grpc.netty.shaded.io.netty.channel.SimpleChannelInboundHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.SocketChannel;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpMessage;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpObjectAggregator;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpServerCodec;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2CodecUtil;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2FrameCodec;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Settings;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolNames;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.grpc.netty.shaded.io.netty.util.AsciiString;

/**
 * Hands a new connection to its listener's {@link AcceptedConnections}, then wires it: TLS with
 * ALPN h2 when configured; otherwise h2c by prior knowledge or by {@code Upgrade: h2c}, and plain
 * HTTP/1.1 for one-shot requests.
 */
final class ServerChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final ServerOptions options;
    private final Router router;
    private final RequestGate gate;
    private final AcceptedConnections accepted;

    ServerChannelInitializer(ServerOptions options, Router router, RequestGate gate, AcceptedConnections accepted) {
        this.options = options;
        this.router = router;
        this.gate = gate;
        this.accepted = accepted;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        accepted.add(ch);
        ChannelPipeline p = ch.pipeline();
        if (options.sslContext() != null) {
            p.addLast(options.sslContext().newHandler(ch.alloc()));
            p.addLast(new AlpnHandler());
            return;
        }
        HttpServerCodec h1 = new HttpServerCodec();
        HttpServerUpgradeHandler.UpgradeCodecFactory upgrades = protocol ->
                AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)
                        ? new Http2ServerUpgradeCodec(newFrameCodec(), new ConnectionWindow(), newMultiplexer())
                        : null;
        HttpServerUpgradeHandler upgradeHandler =
                new HttpServerUpgradeHandler(h1, upgrades, options.maxUpgradeBodyBytes());
        p.addLast(new CleartextHttp2ServerUpgradeHandler(h1, upgradeHandler, new PriorKnowledgeInitializer()));
        p.addLast(new Http1Fallback());
    }

    private Http2FrameCodec newFrameCodec() {
        Http2Settings settings = Http2Settings.defaultSettings()
                .maxConcurrentStreams(options.maxConcurrentStreams())
                .initialWindowSize(options.initialStreamWindow());
        return Http2FrameCodecBuilder.forServer().initialSettings(settings).build();
    }

    private Http2MultiplexHandler newMultiplexer() {
        return new Http2MultiplexHandler(new Http2StreamInitializer(router, gate));
    }

    /** Installs the HTTP/2 handlers once the client's preface shows it speaks h2 directly. */
    private final class PriorKnowledgeInitializer extends ChannelInitializer<io.grpc.netty.shaded.io.netty.channel.Channel> {
        @Override
        protected void initChannel(io.grpc.netty.shaded.io.netty.channel.Channel ch) {
            ch.pipeline().addLast(newFrameCodec(), new ConnectionWindow(), newMultiplexer());
        }
    }

    /** Switches to HTTP/1.1 handling when a request neither upgrades nor uses prior knowledge. */
    private final class Http1Fallback extends SimpleChannelInboundHandler<HttpMessage> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpMessage msg) {
            ChannelPipeline p = ctx.pipeline();
            p.addAfter(ctx.name(), "h1-aggregate", new HttpObjectAggregator(options.maxUpgradeBodyBytes()));
            p.addAfter("h1-aggregate", "h1-requests", new Http1RequestHandler(router, gate));
            p.remove(this);
            ctx.fireChannelRead(io.grpc.netty.shaded.io.netty.util.ReferenceCountUtil.retain(msg));
        }
    }

    /** Chooses the protocol TLS negotiated: h2 only. */
    private final class AlpnHandler extends ApplicationProtocolNegotiationHandler {
        AlpnHandler() {
            super(ApplicationProtocolNames.HTTP_2);
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                ctx.pipeline().addLast(newFrameCodec(), new ConnectionWindow(), newMultiplexer());
                return;
            }
            ctx.close();
        }
    }
}
