package io.tapsrelay.relay.bench;

import io.tapsrelay.relay.client.PeerConnections;
import io.tapsrelay.relay.http.NettyTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The load generator's network side: the relay's own HTTP/2 client, one connection per bench peer
 * identity (as separate servers would have), on a small set of event loops of its own.
 *
 * <p>Thread-safe.
 */
final class BenchClient implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final NettyTransport transport;
    private final Map<String, PeerConnections> connections = new ConcurrentHashMap<>();

    /** @param threads event loops for every stream of this client */
    BenchClient(int threads) {
        this.transport = new NettyTransport(threads);
    }

    /**
     * Opens {@code identity}'s {@code /stream} to {@code target} for {@code group}, signed as §6
     * asks, with {@code peer} driving it.
     *
     * @param maxLineBytes the longest line {@code peer} accepts
     * @return completes once the relay answered 200 and the peer wrote its HELLO
     */
    CompletableFuture<Void> open(RelayTarget target, PeerIdentity identity, String group, StreamPeer peer,
            int maxLineBytes) {
        String path = "/_taps/federation/encrypted-groups/" + group + "/stream";
        String what = identity.serverId() + " -> " + target.serverId() + " " + group;
        PeerStreamHandler handler = new PeerStreamHandler(peer, maxLineBytes, what);
        PeerConnections client = connections.computeIfAbsent(identity.serverId(),
                id -> new PeerConnections(transport, null, CONNECT_TIMEOUT));
        client.openStream(target.url(), path, identity.streamHeaders(target.serverId(), path), handler)
                .whenComplete((stream, error) -> {
                    if (error != null) {
                        handler.opened().completeExceptionally(new BenchFailure(what + ": " + error.getMessage(), error));
                        peer.closed("the stream could not be opened: " + error.getMessage());
                    }
                });
        return handler.opened();
    }

    @Override
    public void close() {
        List<PeerConnections> all = new ArrayList<>(connections.values());
        all.forEach(PeerConnections::close);
        transport.close();
    }
}
