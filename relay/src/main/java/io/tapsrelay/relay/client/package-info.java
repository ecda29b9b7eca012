/**
 * The relay's outgoing HTTP/2 client: one multiplexed connection per peer base URL (h2c with prior
 * knowledge for {@code http}, TLS with ALPN {@code h2} for {@code https}), one-shot requests
 * collected into an {@link io.tapsrelay.relay.http.HttpResult}, and long-lived streams handed to the
 * caller's own handler. Entry point: {@link io.tapsrelay.relay.client.PeerConnections}.
 */
package io.tapsrelay.relay.client;
