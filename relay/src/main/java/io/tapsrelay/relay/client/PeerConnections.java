package io.tapsrelay.relay.client;

import io.grpc.netty.shaded.io.netty.channel.ChannelHandler;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Headers;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2StreamChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.tapsrelay.relay.client.PeerCallException.Reason;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.NettyTransport;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The relay's calls to its peers, over one multiplexed HTTP/2 connection per (scheme, host, port):
 * h2c with prior knowledge for {@code http}, TLS with ALPN {@code h2} for {@code https}.
 *
 * <p>Connections are made on first use; concurrent callers share the attempt. A connection that
 * closed or received GOAWAY is dropped, and the next call dials afresh; a call that finds its
 * connection dead before sending anything moves once to a fresh connection. A connection whose
 * close never arrives is found by {@link LivenessProbe}: silent for {@link #PROBE_INTERVAL} while
 * streams are open, it is sent a PING, and without the ACK an interval later it is closed, failing
 * its calls with {@link Reason#CONNECTION_LOST} long before their response timeout. The peer's
 * {@code SETTINGS_MAX_CONCURRENT_STREAMS} is honoured: a call beyond it fails with
 * {@link Reason#STREAM_LIMIT} instead of queueing.
 *
 * <p>Every failure is a {@link PeerCallException} (an {@link java.io.IOException}) whose message
 * names the URL. Thread-safe. Futures complete on a Netty event loop: do slow work in the
 * {@code ...Async} stages.
 */
public final class PeerConnections implements AutoCloseable {
    /** How long {@link #request} waits for a complete response unless told otherwise. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * How long a connection with open streams may stay silent before it is sent a PING, and then
     * how long the ACK may take: a dead connection fails its calls within two intervals.
     */
    public static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final NettyTransport transport;
    private final PeerConnector connector;
    private final Duration responseTimeout;
    private final ConcurrentHashMap<PeerAddress, PeerConnection> connections = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param transport the relay's event loops (epoll when it uses epoll)
     * @param tlsOrNull client TLS for {@code https} peers; null builds {@link ClientTls#systemTrust()}
     *     on first use
     * @param connectTimeout the limit for TCP connect and, separately, for TLS, ALPN and the peer's
     *     first SETTINGS frame
     */
    public PeerConnections(NettyTransport transport, SslContext tlsOrNull, Duration connectTimeout) {
        this(transport, tlsOrNull, connectTimeout, DEFAULT_RESPONSE_TIMEOUT);
    }

    /**
     * @param responseTimeout the longest a {@link #request} may take, from the call to the last
     *     response byte, connecting included
     */
    public PeerConnections(NettyTransport transport, SslContext tlsOrNull, Duration connectTimeout, Duration responseTimeout) {
        this(transport, tlsOrNull, connectTimeout, responseTimeout, PROBE_INTERVAL);
    }

    /** @param probeInterval see {@link #PROBE_INTERVAL}; tests shorten it */
    PeerConnections(NettyTransport transport, SslContext tlsOrNull, Duration connectTimeout, Duration responseTimeout,
            Duration probeInterval) {
        this.transport = Objects.requireNonNull(transport, "transport");
        requirePositive(connectTimeout, "connectTimeout");
        this.responseTimeout = requirePositive(responseTimeout, "responseTimeout");
        this.connector = new PeerConnector(transport, tlsOrNull, connectTimeout, requirePositive(probeInterval, "probeInterval"));
    }

    /**
     * One request on a new stream of the peer's shared connection, its response collected whole.
     *
     * <p>The request carries {@code :method}, {@code :scheme}, {@code :authority} (host:port of
     * {@code base}), {@code :path} exactly as given (never re-encoded: peers sign it as sent), the
     * {@code headers} with lower-case names, and {@code content-length} when there is a body.
     *
     * @param base the peer's base URL; only scheme, host and port are used
     * @param pathWithQuery starts with {@code /}, visible ASCII only, already percent-encoded where needed
     * @param headers request headers; names in any case (sent lower-case), no pseudo-headers
     * @param body the request body; empty for none (then HEADERS end the stream)
     * @param maxResponseBytes a larger response body fails the call with {@link Reason#RESPONSE_TOO_LARGE}
     * @return the response: status, content type (or null), every regular header by lower-case name
     *     (first value), and the body; or a {@link PeerCallException} naming the URL
     * @throws IllegalArgumentException for a bad URL, method, path, header or limit
     */
    public CompletableFuture<HttpResult> request(URI base, String method, String pathWithQuery,
            Map<String, String> headers, byte[] body, long maxResponseBytes) {
        PeerAddress peer = PeerAddress.of(base);
        Objects.requireNonNull(body, "body");
        if (maxResponseBytes < 0) {
            throw new IllegalArgumentException("maxResponseBytes " + maxResponseBytes + " is negative");
        }
        Http2Headers h2 = RequestHeaders.build(peer, method, pathWithQuery, headers, body.length == 0 ? -1 : body.length);
        String url = peer.url(pathWithQuery);
        CompletableFuture<HttpResult> result = new CompletableFuture<>();
        armTimeout(result, url);
        ResponseCollector collector = new ResponseCollector(url, maxResponseBytes, result);
        start(peer, url, h2, body.clone(), collector, true).whenComplete((stream, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
                return;
            }
            // Timed out, too large or cancelled: stop the stream (RST_STREAM) so the peer stops too.
            result.whenComplete((r, e) -> {
                if (e != null) {
                    stream.close();
                }
            });
        });
        return result;
    }

    /**
     * Opens a long-lived request stream: a {@code POST} whose HEADERS do not end the stream.
     * {@code streamHandler} is added to the stream's pipeline once the HEADERS are sent and before
     * any response frame is read; it then receives the response {@code Http2HeadersFrame} and
     * {@code Http2DataFrame}s (and must release them) and writes {@code Http2DataFrame}s itself.
     * There is no response timeout: the stream lives until one side ends it.
     *
     * @param streamHandler added to exactly one stream, so it need not be {@code @Sharable}
     * @return the stream channel, or a {@link PeerCallException} naming the URL
     * @throws IllegalArgumentException for a bad URL, path or header
     */
    public CompletableFuture<Http2StreamChannel> openStream(URI base, String pathWithQuery,
            Map<String, String> headers, ChannelHandler streamHandler) {
        PeerAddress peer = PeerAddress.of(base);
        Objects.requireNonNull(streamHandler, "streamHandler");
        Http2Headers h2 = RequestHeaders.build(peer, "POST", pathWithQuery, headers, -1);
        String url = peer.url(pathWithQuery);
        CompletableFuture<Http2StreamChannel> result = new CompletableFuture<>();
        start(peer, url, h2, null, streamHandler, true).whenComplete((stream, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
            } else if (!result.complete(stream)) {
                stream.close(); // the caller gave up (cancelled) while it opened
            }
        });
        return result;
    }

    /** True while a usable connection to {@code base}'s peer is open (none is made by asking). */
    public boolean isConnected(URI base) {
        PeerConnection c = connections.get(PeerAddress.of(base));
        return c != null && c.isUsable();
    }

    /** Closes every connection and stops dialing; later calls fail with {@link Reason#CLOSED}. Idempotent. */
    @Override
    public void close() {
        closed = true;
        List<PeerConnection> all = new ArrayList<>(connections.values());
        all.forEach(PeerConnection::close);
        connector.close();
        all.forEach(c -> c.awaitClosed(CLOSE_WAIT));
    }

    private CompletableFuture<Http2StreamChannel> start(PeerAddress peer, String url, Http2Headers headers,
            byte[] body, ChannelHandler handler, boolean mayMove) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError(url));
        }
        return connectionFor(peer).ready()
                .thenCompose(c -> c.open(url, headers, body, handler))
                .thenCompose(outcome -> {
                    if (outcome instanceof OpenOutcome.Opened opened) {
                        return CompletableFuture.completedFuture(opened.stream());
                    }
                    if (outcome instanceof OpenOutcome.Refused refused) {
                        return CompletableFuture.failedFuture(refused.error());
                    }
                    Throwable cause = ((OpenOutcome.Gone) outcome).cause();
                    if (mayMove) {
                        return start(peer, url, headers, body, handler, false);
                    }
                    return CompletableFuture.failedFuture(new PeerCallException(Reason.CONNECTION_LOST, url,
                            "the connection to " + peer + " closed before the request to " + url + " could start",
                            cause));
                });
    }

    private PeerConnection connectionFor(PeerAddress peer) {
        while (true) {
            PeerConnection current = connections.get(peer);
            if (current != null && !current.isDefunct()) {
                return current;
            }
            if (current != null) {
                connections.remove(peer, current);
                continue;
            }
            PeerConnection fresh = new PeerConnection(peer, gone -> connections.remove(gone.address(), gone));
            if (connections.putIfAbsent(peer, fresh) != null) {
                continue;
            }
            // Dial only after the entry is in the map: a connect that fails at once removes it again.
            connector.connect(fresh);
            if (closed) {
                fresh.close(); // close() ran concurrently and may not have seen this entry
            }
            return fresh;
        }
    }

    private void armTimeout(CompletableFuture<HttpResult> result, String url) {
        try {
            ScheduledFuture<?> timer = transport.workers().schedule(() -> result.completeExceptionally(
                    new PeerCallException(Reason.TIMEOUT, url, "no complete response from " + url + " within "
                            + responseTimeout.toMillis() + " ms", null)),
                    responseTimeout.toMillis(), TimeUnit.MILLISECONDS);
            result.whenComplete((r, e) -> timer.cancel(false));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(closedError(url));
        }
    }

    private static PeerCallException closedError(String url) {
        return new PeerCallException(Reason.CLOSED, url, "cannot call " + url + ": the peer client is closed", null);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable x = t;
        while (x instanceof CompletionException && x.getCause() != null) {
            x = x.getCause();
        }
        return x;
    }

    private static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " " + d + " is not positive");
        }
        return d;
    }
}
