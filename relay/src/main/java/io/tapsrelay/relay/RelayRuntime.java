package io.tapsrelay.relay;

import io.grpc.netty.shaded.io.netty.channel.ChannelHandler;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.tapsrelay.config.RelayConfig;
import io.tapsrelay.relay.client.PeerConnections;
import io.tapsrelay.relay.http.NettyTransport;
import io.tapsrelay.relay.http.TlsContexts;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads and connections of one relay: Netty event loops, the bounded signature-check pool,
 * the store-read pool, a timer, and the outgoing HTTP/2 client. Closed last but the store.
 */
final class RelayRuntime implements AutoCloseable {
    private static final long MAX_DOCUMENT_BYTES = 1 << 20;

    private final int cores;
    private final NettyTransport transport;
    private final ExecutorService verifiers;
    private final ExecutorService io;
    private final ScheduledExecutorService timer;
    private final PeerConnections connections;

    /** @throws IOException when {@code tls.ca_file} cannot be read (the message names it) */
    RelayRuntime(RelayConfig config) throws IOException {
        // Read before any thread starts, so a bad CA file leaves nothing to close.
        SslContext peerTls = TlsContexts.forPeers(config.tls().caFile());
        this.cores = Runtime.getRuntime().availableProcessors();
        this.transport = new NettyTransport(cores);
        // Signature checks are CPU-bound: one thread a core, so they never crowd out the event loops for long.
        this.verifiers = Executors.newFixedThreadPool(cores, daemon("taps-verify"));
        this.io = Executors.newFixedThreadPool(2, daemon("taps-read"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("taps-timer"));
        this.connections = new PeerConnections(transport, peerTls, Duration.ofSeconds(5));
    }

    int cores() {
        return cores;
    }

    NettyTransport transport() {
        return transport;
    }

    ExecutorService verifiers() {
        return verifiers;
    }

    ExecutorService io() {
        return io;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    PeerConnections connections() {
        return connections;
    }

    /** GETs a small JSON document from a peer, failing on any status but 200. */
    CompletableFuture<byte[]> fetch(URI base, String path) {
        return connections.request(base, "GET", path, Map.of(), new byte[0], MAX_DOCUMENT_BYTES).thenApply(r -> {
            if (r.status() != 200) {
                throw new java.util.concurrent.CompletionException(new IOException(
                        "GET " + base + path + " answered " + r.status()));
            }
            return r.body();
        });
    }

    CompletableFuture<?> openStream(URI base, String path, Map<String, String> headers, ChannelHandler handler) {
        return connections.openStream(base, path, headers, handler);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        connections.close();
        transport.close();
        verifiers.shutdown();
        io.shutdown();
        try {
            verifiers.awaitTermination(5, TimeUnit.SECONDS);
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
