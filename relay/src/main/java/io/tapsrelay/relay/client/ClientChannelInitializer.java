package io.tapsrelay.relay.client;

import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandler;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.channel.ChannelInitializer;
import io.grpc.netty.shaded.io.netty.channel.ChannelPipeline;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2FrameCodec;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Settings;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolNames;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslHandler;
import io.tapsrelay.relay.client.PeerCallException.Reason;
import io.tapsrelay.relay.http.ConnectionWindow;

/**
 * Wires a new outgoing connection and nothing else: the idle detector of the {@link LivenessProbe}
 * first; TLS then ALPN for {@code https}, otherwise HTTP/2 straight away (h2c with prior
 * knowledge); then the frame codec, the stream multiplexer, the probe and the
 * {@link ConnectionWatcher}.
 */
final class ClientChannelInitializer extends ChannelInitializer<Channel> {
    /**
     * Receive window per stream, and (doubled by the codec) for the connection: a bulk checkpoint
     * answer of several MiB should not stall on a 64 KiB default window every round trip.
     */
    static final int INITIAL_STREAM_WINDOW = 1 << 20;

    private static final String WATCHER = "peer-watcher";
    private static final String PROBE = "liveness";

    private final PeerConnection connection;
    private final SslContext tls;
    private final long handshakeTimeoutMillis;
    private final long probeIntervalMillis;

    /**
     * @param tls the client TLS context, or null for h2c
     * @param probeIntervalMillis how long a connection with open streams may stay silent before it
     *     is sent a PING, and then how long the ACK may take
     */
    ClientChannelInitializer(PeerConnection connection, SslContext tls, long handshakeTimeoutMillis,
            long probeIntervalMillis) {
        this.connection = connection;
        this.tls = tls;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.probeIntervalMillis = probeIntervalMillis;
    }

    @Override
    protected void initChannel(Channel ch) {
        connection.attach(ch);
        ChannelPipeline p = ch.pipeline();
        p.addLast("idle", LivenessProbe.idleDetector(probeIntervalMillis));
        p.addLast(PROBE, new LivenessProbe(connection, probeIntervalMillis));
        p.addLast(WATCHER, new ConnectionWatcher(connection));
        if (tls == null) {
            addHttp2(p);
            return;
        }
        PeerAddress peer = connection.address();
        // Host and port give SNI and let hostname verification check the certificate.
        SslHandler ssl = tls.newHandler(ch.alloc(), peer.host(), peer.port());
        ssl.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
        p.addBefore(PROBE, "tls", ssl);
        p.addBefore(PROBE, "alpn", new AlpnHandler());
    }

    private void addHttp2(ChannelPipeline p) {
        Http2Settings settings = Http2Settings.defaultSettings()
                .pushEnabled(false)
                .initialWindowSize(INITIAL_STREAM_WINDOW);
        Http2FrameCodec codec = Http2FrameCodecBuilder.forClient().initialSettings(settings).build();
        p.addBefore(PROBE, "h2", codec);
        p.addBefore(PROBE, "h2-window", new ConnectionWindow());
        p.addBefore(PROBE, "h2-streams", new Http2MultiplexHandler(RefuseInboundStreams.INSTANCE));
        connection.http2Wired(codec);
    }

    /** Continues with HTTP/2 when TLS agreed on h2, and gives up on anything else. */
    private final class AlpnHandler extends ApplicationProtocolNegotiationHandler {
        AlpnHandler() {
            super(ApplicationProtocolNames.HTTP_1_1);
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                addHttp2(ctx.pipeline());
                return;
            }
            PeerAddress peer = connection.address();
            connection.abandon(new PeerCallException(Reason.UNREACHABLE, peer.toString(),
                    peer + " negotiated '" + protocol + "' instead of h2 via ALPN", null));
        }

        @Override
        protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
            PeerAddress peer = connection.address();
            connection.abandon(new PeerCallException(Reason.UNREACHABLE, peer.toString(),
                    "TLS handshake with " + peer + " failed: " + PeerCallException.describe(cause), cause));
        }
    }

    /** Peers never open streams towards us (server push is off); close any that appear. */
    @ChannelHandler.Sharable
    private static final class RefuseInboundStreams extends ChannelInboundHandlerAdapter {
        static final RefuseInboundStreams INSTANCE = new RefuseInboundStreams();

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.close();
        }
    }
}
