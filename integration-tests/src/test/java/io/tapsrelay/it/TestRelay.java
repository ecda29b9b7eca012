package io.tapsrelay.it;

import io.tapsrelay.config.ConfigLoader;
import io.tapsrelay.config.RelayConfig;
import io.tapsrelay.relay.Relay;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The YAML of one test relay on loopback: a server id, a free port, a data directory, and extra
 * configuration (peers, windows). Starts in-process relays from it, as often as a test restarts.
 */
final class TestRelay {
    final String serverId;
    final int port;
    final Path dataDir;
    private String extra = "";

    TestRelay(String serverId, Path root) {
        this.serverId = serverId;
        this.port = Ports.free();
        this.dataDir = root.resolve(serverId);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    TestRelay with(String yaml) {
        extra = extra + yaml + "\n";
        return this;
    }

    /** A peers entry naming {@code other}, for this relay's config. */
    static String peerEntry(TestRelay other, boolean dial) {
        return "  - server_id: \"" + other.serverId + "\"\n    url: " + other.url() + "\n    dial: " + dial + "\n";
    }

    String yaml() {
        return "server_id: \"" + serverId + "\"\n"
                + "listen: \"127.0.0.1:" + port + "\"\n"
                + "admin_listen: \"127.0.0.1:0\"\n"
                + "storage:\n  path: \"" + dataDir + "\"\n"
                + extra;
    }

    RelayConfig config() {
        try {
            return ConfigLoader.parse(yaml(), serverId + ".yaml");
        } catch (io.tapsrelay.config.ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    Relay start() throws IOException {
        return Relay.start(config());
    }
}
