package io.tapsrelay.relay.http;

import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;

/**
 * Listener settings.
 *
 * @param name for logs and thread names ("federation", "admin")
 * @param maxConcurrentStreams SETTINGS_MAX_CONCURRENT_STREAMS
 * @param initialStreamWindow HTTP/2 per-stream receive window in bytes: how much body a peer may
 *     send ahead of what the relay has read
 * @param maxUpgradeBodyBytes the largest HTTP/1.1 body accepted (upgrade requests and HTTP/1.1
 *     one-shot requests)
 * @param sslContext TLS with ALPN h2, or null for cleartext h2c
 */
public record ServerOptions(
        String name, int maxConcurrentStreams, int initialStreamWindow, int maxUpgradeBodyBytes, SslContext sslContext) {

    public ServerOptions {
        if (maxConcurrentStreams < 1 || initialStreamWindow < 65_535 || maxUpgradeBodyBytes < 1) {
            throw new IllegalArgumentException("bad server options: streams " + maxConcurrentStreams
                    + ", window " + initialStreamWindow + ", upgrade body " + maxUpgradeBodyBytes);
        }
    }
}
