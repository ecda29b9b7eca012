package io.tapsrelay.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A listen address: a host name or IP address and a port. Port 0 asks the system for an ephemeral
 * port (used by tests). IPv6 addresses are written in brackets ({@code [::1]:8448}) and kept here
 * without them.
 */
public record HostPort(String host, int port) {
    /** What a valid address looks like, for error messages. */
    public static final String EXPECTED = "host:port such as 127.0.0.1:8448, [::1]:8448 or localhost:0";

    private static final int HOST_MAX = 253;

    public HostPort {
        Objects.requireNonNull(host, "host");
        if (!isHost(host)) {
            throw new IllegalArgumentException("not a host name or IP address: '" + host + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
    }

    /**
     * Parses {@code host:port} or {@code [ipv6]:port}.
     *
     * @throws IllegalArgumentException when {@code text} is not such an address
     */
    public static HostPort parse(String text) {
        return tryParse(text)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not " + EXPECTED));
    }

    /** Parses {@code host:port} or {@code [ipv6]:port}; empty when {@code text} is neither. */
    public static Optional<HostPort> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
            if (host.indexOf(':') < 0) {
                return Optional.empty();
            }
        } else if (host.indexOf(':') >= 0) {
            // An unbracketed IPv6 address is ambiguous: its last group could be the port.
            return Optional.empty();
        }
        int port = parsePort(text, colon + 1);
        if (port < 0 || !isHost(host)) {
            return Optional.empty();
        }
        return Optional.of(new HostPort(host, port));
    }

    /** Whether the port is 0, so the real port is known only after binding. */
    public boolean ephemeral() {
        return port == 0;
    }

    /** The text form that {@link #parse} accepts: {@code host:port} or {@code [ipv6]:port}. */
    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    private static int parsePort(String s, int from) {
        int digits = s.length() - from;
        if (digits < 1 || digits > 5) {
            return -1;
        }
        int port = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535 ? port : -1;
    }

    private static boolean isHost(String host) {
        if (host.isEmpty() || host.length() > HOST_MAX) {
            return false;
        }
        return host.indexOf(':') >= 0 ? isIpv6(host) : isHostName(host);
    }

    private static boolean isHostName(String host) {
        if (host.startsWith("-") || host.startsWith(".") || host.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    // A shape check only: the socket layer gives the precise verdict when it binds.
    private static boolean isIpv6(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
