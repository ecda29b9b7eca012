package io.tapsrelay.relay.bench;

import io.tapsrelay.frames.validate.Ids;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One relay under test and the configuration file it runs with: loopback only, synced storage, the
 * bench's credit window, and its peers — bench identities pinned with {@code dial: false}, other
 * relays by URL (their keys fetched from {@code /keys/current}).
 *
 * @param serverId the relay's server id
 * @param port its federation port on 127.0.0.1
 * @param dataDir its storage directory
 * @param windowEvents {@code credit.window_events}
 * @param windowBytes {@code credit.window_bytes}; at least {@code maxMessageSize + 1}
 * @param maxMessageSize {@code federation.max_message_size}
 * @param peers the {@code peers} entries
 */
record RelaySpec(String serverId, int port, Path dataDir, int windowEvents, long windowBytes, int maxMessageSize,
        List<Peer> peers) {
    /** A relay's own default for {@code federation.max_message_size}. */
    static final int DEFAULT_MAX_MESSAGE_SIZE = 16_384;

    RelaySpec {
        Objects.requireNonNull(dataDir, "dataDir");
        peers = List.copyOf(peers);
        if (!Ids.isServerId(serverId) || port < 1 || port > 65_535 || windowEvents < 1
                || maxMessageSize < 1024 || windowBytes < maxMessageSize + 1L) {
            throw new IllegalArgumentException("bad relay spec: " + serverId + " port " + port + " window "
                    + windowEvents + "/" + windowBytes + " max_message_size " + maxMessageSize);
        }
    }

    /** A relay with no peers yet. */
    static RelaySpec of(String serverId, int port, Path dataDir, int windowEvents, long windowBytes, int maxMessageSize) {
        return new RelaySpec(serverId, port, dataDir, windowEvents, windowBytes, maxMessageSize, List.of());
    }

    /** This spec with one more peer. */
    RelaySpec withPeer(Peer peer) {
        List<Peer> more = new ArrayList<>(peers);
        more.add(peer);
        return new RelaySpec(serverId, port, dataDir, windowEvents, windowBytes, maxMessageSize, more);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    RelayTarget target() {
        return new RelayTarget(serverId, url());
    }

    /** The configuration file's text (docs/CONFIGURATION.md). */
    String yaml() {
        StringBuilder y = new StringBuilder()
                .append("server_id: ").append(quote(serverId)).append('\n')
                .append("listen: ").append(quote("127.0.0.1:" + port)).append('\n')
                .append("admin_listen: \"127.0.0.1:0\"\n")
                .append("storage:\n  path: ").append(quote(dataDir.toString())).append("\n  sync: true\n")
                .append("credit:\n  window_events: ").append(windowEvents)
                .append("\n  window_bytes: ").append(windowBytes).append('\n')
                .append("federation:\n  max_message_size: ").append(maxMessageSize).append('\n')
                // Per-stream log lines would only add noise and I/O to what is measured.
                .append("logging:\n  level: warn\n");
        if (!peers.isEmpty()) {
            y.append("peers:\n");
            peers.forEach(p -> y.append(p.yaml()));
        }
        return y.toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** One {@code peers} entry. */
    sealed interface Peer {
        String yaml();
    }

    /** A bench identity with its key pinned; never dialed (its URL is the discard port). */
    record Pinned(PeerIdentity identity) implements Peer {
        @Override
        public String yaml() {
            return "  - server_id: " + quote(identity.serverId()) + "\n    url: \"http://127.0.0.1:9\"\n    dial: false\n"
                    + "    keys:\n      " + quote(identity.key().keyId()) + ": " + quote(identity.publicKeyBase64()) + "\n";
        }
    }

    /** Another relay, by URL; its keys come from its {@code /keys/current}. */
    record OtherRelay(String serverId, URI url, boolean dial) implements Peer {
        @Override
        public String yaml() {
            return "  - server_id: " + quote(serverId) + "\n    url: " + quote(url.toString()) + "\n    dial: " + dial + "\n";
        }
    }
}
