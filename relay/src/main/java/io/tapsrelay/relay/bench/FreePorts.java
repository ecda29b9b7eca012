package io.tapsrelay.relay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free loopback ports for relays that must know each other's address before either starts (A's
 * configuration names B's URL and B's names A's). Another process could take one in between; the
 * relay then fails to start with a clear error, and the run fails with it.
 */
final class FreePorts {
    private FreePorts() {}

    static int next() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
