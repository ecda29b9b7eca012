package io.tapsrelay.relay.client;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a peer listens: the key of the connection map, so every base URL naming the same scheme,
 * host and port shares one connection.
 *
 * @param scheme {@code http} (h2c with prior knowledge) or {@code https} (TLS, ALPN h2)
 * @param host lower-case host name or IP literal, without IPv6 brackets
 * @param port 1 to 65535
 */
public record PeerAddress(String scheme, String host, int port) {
    private static final int HTTP_PORT = 80;
    private static final int HTTPS_PORT = 443;

    public PeerAddress {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("scheme '" + scheme + "' is neither http nor https");
        }
        if (host.isEmpty() || host.startsWith("[") || !host.equals(host.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("host '" + host + "' must be non-empty, lower-case, without brackets");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
    }

    /**
     * The address of a base URL such as {@code https://relay-b.example:8448}. Only scheme, host and
     * port count: a path, query or user info in {@code base} is ignored, because requests carry
     * their own full path.
     *
     * @throws IllegalArgumentException when the scheme is not http/https or there is no host
     */
    public static PeerAddress of(URI base) {
        Objects.requireNonNull(base, "base");
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        String host = base.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("base URL '" + base + "' has no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = base.getPort();
        if (port == -1) {
            port = scheme.equals("https") ? HTTPS_PORT : HTTP_PORT;
        }
        return new PeerAddress(scheme, host.toLowerCase(Locale.ROOT), port);
    }

    /** True for {@code https}. */
    public boolean tls() {
        return scheme.equals("https");
    }

    /** The {@code :authority} value: {@code host:port}, IPv6 literals in brackets. */
    public String authority() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The full URL of a request to this peer, for messages and logs. */
    public String url(String pathWithQuery) {
        return this + pathWithQuery;
    }

    /** The base URL, e.g. {@code https://relay-b.example:8448}. */
    @Override
    public String toString() {
        return scheme + "://" + authority();
    }
}
