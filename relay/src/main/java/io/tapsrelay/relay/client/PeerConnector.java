package io.tapsrelay.relay.client;

import io.grpc.netty.shaded.io.netty.bootstrap.Bootstrap;
import io.grpc.netty.shaded.io.netty.channel.ChannelFuture;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.util.NetUtil;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.tapsrelay.relay.client.PeerCallException.Reason;
import io.tapsrelay.relay.http.NettyTransport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Dials one {@link PeerConnection}: resolves the host off the event loops, connects, and gives the
 * whole setup (TCP, TLS, ALPN, the peer's SETTINGS) one connect timeout.
 */
final class PeerConnector implements AutoCloseable {
    private final NettyTransport transport;
    private final SslContext configuredTls;
    private final int connectTimeoutMillis;
    private final long probeIntervalMillis;
    // The JDK resolver blocks; on an event loop it would stall every stream sharing that loop.
    private final ExecutorService resolver;
    private SslContext defaultTls;

    PeerConnector(NettyTransport transport, SslContext tlsOrNull, Duration connectTimeout, Duration probeInterval) {
        this.transport = transport;
        this.configuredTls = tlsOrNull;
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        this.probeIntervalMillis = probeInterval.toMillis();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new DefaultThreadFactory("taps-peer-dns", true));
        pool.allowCoreThreadTimeOut(true);
        this.resolver = pool;
    }

    /** Starts connecting; the outcome arrives through {@code connection.ready()}. */
    void connect(PeerConnection connection) {
        PeerAddress peer = connection.address();
        SslContext tls = null;
        if (peer.tls()) {
            try {
                tls = tlsContext();
            } catch (SSLException e) {
                connection.abandon(new PeerCallException(Reason.UNREACHABLE, peer.toString(),
                        "cannot set up TLS for " + peer + ": " + PeerCallException.describe(e), e));
                return;
            }
        }
        SslContext chosen = tls;
        resolve(peer).whenComplete((address, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                connection.abandon(new PeerCallException(Reason.UNREACHABLE, peer.toString(),
                        "cannot resolve the host of " + peer + ": " + PeerCallException.describe(cause), cause));
                return;
            }
            dial(connection, address, chosen);
        });
    }

    private void dial(PeerConnection connection, InetSocketAddress address, SslContext tls) {
        PeerAddress peer = connection.address();
        Bootstrap bootstrap = new Bootstrap()
                .group(transport.workers())
                .channel(transport.clientChannelType())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ClientChannelInitializer(connection, tls, connectTimeoutMillis, probeIntervalMillis));
        ChannelFuture connecting;
        try {
            connecting = bootstrap.connect(address);
        } catch (RejectedExecutionException e) {
            connection.abandon(new PeerCallException(Reason.CLOSED, peer.toString(),
                    "cannot connect to " + peer + ": the relay's network transport is shut down", e));
            return;
        }
        connecting.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                connection.abandon(new PeerCallException(Reason.UNREACHABLE, peer.toString(),
                        "cannot connect to " + peer + ": " + PeerCallException.describe(f.cause()), f.cause()));
                return;
            }
            ScheduledFuture<?> deadline = f.channel().eventLoop().schedule(() -> connection.abandon(
                    new PeerCallException(Reason.UNREACHABLE, peer.toString(), peer + " did not complete the "
                            + (tls == null ? "" : "TLS and ") + "HTTP/2 setup within " + connectTimeoutMillis + " ms",
                            null)),
                    connectTimeoutMillis, TimeUnit.MILLISECONDS);
            connection.ready().whenComplete((c, e) -> deadline.cancel(false));
        });
    }

    private CompletableFuture<InetSocketAddress> resolve(PeerAddress peer) {
        InetAddress literal = NetUtil.createInetAddressFromIpAddressString(peer.host());
        if (literal != null) {
            return CompletableFuture.completedFuture(new InetSocketAddress(literal, peer.port()));
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                InetSocketAddress resolved = new InetSocketAddress(peer.host(), peer.port());
                if (resolved.isUnresolved()) {
                    throw new CompletionException(new UnknownHostException(peer.host()));
                }
                return resolved;
            }, resolver);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private synchronized SslContext tlsContext() throws SSLException {
        if (configuredTls != null) {
            return configuredTls;
        }
        if (defaultTls == null) {
            defaultTls = ClientTls.systemTrust();
        }
        return defaultTls;
    }

    /** Stops the resolver threads; connections are closed by their owner. */
    @Override
    public void close() {
        resolver.shutdownNow();
    }
}
