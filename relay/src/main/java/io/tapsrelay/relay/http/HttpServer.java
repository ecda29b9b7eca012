package io.tapsrelay.relay.http;

import io.grpc.netty.shaded.io.netty.bootstrap.ServerBootstrap;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * One listening socket serving HTTP/2 (h2c prior knowledge, h2c upgrade, or TLS with ALPN h2), and
 * owner of the connections it accepts: closing it closes them too.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HttpServer.class.getName());

    /** How long closing waits for streams in flight before it closes their connections anyway. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    private final ServerOptions options;
    private final Channel serverChannel;
    private final AcceptedConnections accepted;
    private boolean closed;

    private HttpServer(ServerOptions options, Channel serverChannel, AcceptedConnections accepted) {
        this.options = options;
        this.serverChannel = serverChannel;
        this.accepted = accepted;
    }

    /**
     * Binds and starts serving.
     *
     * @throws java.io.UncheckedIOException when the address cannot be bound (in use, not local)
     */
    public static HttpServer start(
            NettyTransport transport, String host, int port, ServerOptions options, Router router, RequestGate gate) {
        AcceptedConnections accepted = new AcceptedConnections();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(transport.acceptor(), transport.workers())
                .channel(transport.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ServerChannelInitializer(options, router, gate, accepted));
        try {
            Channel ch = bootstrap.bind(host, port).syncUninterruptibly().channel();
            HttpServer server = new HttpServer(options, ch, accepted);
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

    /** How many accepted connections are open now. */
    public int openConnections() {
        return accepted.size();
    }

    /**
     * Stops accepting, then closes every accepted connection: HTTP/2 ones get GOAWAY and may finish
     * the streams in flight for up to {@link #CLOSE_GRACE}; whatever is left is then closed
     * outright. Returns once the connections are closed (at most about twice the grace). Peers
     * see the close at once and dial afresh, also when this relay comes back on the same port.
     * Idempotent; not to be called on an event loop.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        serverChannel.close().syncUninterruptibly();
        int connections = accepted.closeAll(CLOSE_GRACE);
        LOG.info(() -> "event=stopped-listening listener=" + options.name() + " closed_connections=" + connections);
    }
}
