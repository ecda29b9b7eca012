package io.tapsrelay.relay.client;

import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.tapsrelay.relay.http.HttpServer;
import io.tapsrelay.relay.http.NettyTransport;
import io.tapsrelay.relay.http.RequestGate;
import io.tapsrelay.relay.http.Router;
import io.tapsrelay.relay.http.ServerOptions;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real relay HTTP server on loopback with its own event loops, so closing it also closes every
 * connection it accepted. Records the remote address of every request it saw.
 */
final class TestServer implements AutoCloseable {
    private final NettyTransport transport = new NettyTransport(1);
    private final Set<String> remotes = ConcurrentHashMap.newKeySet();
    private final HttpServer server;
    private final String scheme;
    private final String host;

    private TestServer(String host, int port, int maxStreams, SslContext tls, TestEndpoints endpoints) {
        this.scheme = tls == null ? "http" : "https";
        this.host = host;
        Router router = endpoints.router();
        RequestGate recording = head -> {
            remotes.add(head.remoteAddress());
            return java.util.Optional.empty();
        };
        ServerOptions options = new ServerOptions("test", maxStreams, 1 << 20, 1 << 20, tls);
        try {
            this.server = HttpServer.start(transport, host, port, options, router, recording);
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    static TestServer start(TestEndpoints endpoints) {
        return new TestServer("127.0.0.1", 0, 100, null, endpoints);
    }

    static TestServer start(int port, int maxStreams, TestEndpoints endpoints) {
        return new TestServer("127.0.0.1", port, maxStreams, null, endpoints);
    }

    static TestServer startTls(String host, SslContext tls, TestEndpoints endpoints) {
        return new TestServer(host, 0, 100, tls, endpoints);
    }

    int port() {
        return server.address().getPort();
    }

    URI base() {
        return URI.create(scheme + "://" + host + ":" + port());
    }

    /** Distinct client socket addresses seen, i.e. TCP connections that carried requests. */
    Set<String> remotes() {
        return Set.copyOf(remotes);
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            transport.close();
        }
    }
}
