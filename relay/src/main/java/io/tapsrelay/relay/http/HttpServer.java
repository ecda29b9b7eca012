package io.tapsrelay.relay.http;

import io.grpc.netty.shaded.io.netty.bootstrap.ServerBootstrap;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;
import java.util.logging.Logger;

/** One listening socket serving HTTP/2 (h2c prior knowledge, h2c upgrade, or TLS with ALPN h2). */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HttpServer.class.getName());

    private final ServerOptions options;
    private final Channel serverChannel;

    private HttpServer(ServerOptions options, Channel serverChannel) {
        this.options = options;
        this.serverChannel = serverChannel;
    }

    /**
     * Binds and starts serving.
     *
     * @throws java.io.UncheckedIOException when the address cannot be bound (in use, not local)
     */
    public static HttpServer start(
            NettyTransport transport, String host, int port, ServerOptions options, Router router, RequestGate gate) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(transport.acceptor(), transport.workers())
                .channel(transport.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ServerChannelInitializer(options, router, gate));
        try {
            Channel ch = bootstrap.bind(host, port).syncUninterruptibly().channel();
            HttpServer server = new HttpServer(options, ch);
            LOG.info(() -> "event=listening listener=" + options.name() + " address=" + server.address()
                    + " tls=" + (options.sslContext() != null) + " epoll=" + transport.isEpoll());
            return server;
        } catch (Exception e) {
            throw new java.io.UncheckedIOException(
                    new java.io.IOException("cannot listen on " + host + ":" + port + " (" + options.name() + "): " + e.getMessage(), e));
        }
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Stops accepting connections; open connections are closed by their owners or the transport. */
    @Override
    public void close() {
        if (serverChannel.isOpen()) {
            serverChannel.close().syncUninterruptibly();
            LOG.info(() -> "event=stopped-listening listener=" + options.name());
        }
    }
}
