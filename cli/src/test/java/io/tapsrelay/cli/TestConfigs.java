package io.tapsrelay.cli;

import java.nio.file.Path;

/** YAML for relays started by tests: loopback, ephemeral ports, data in a test directory. */
final class TestConfigs {
    private TestConfigs() {}

    /** A relay named {@code serverId} on ephemeral ports with its data in {@code storage}. */
    static String ephemeral(String serverId, Path storage) {
        return "server_id: \"" + serverId + "\"\n"
                + "listen: \"127.0.0.1:0\"\n"
                + "admin_listen: \"127.0.0.1:0\"\n"
                + "storage:\n"
                + "  path: \"" + storage + "\"\n";
    }
}
