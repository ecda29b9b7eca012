package io.tapsrelay.config.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Base URLs of federation listeners: {@code http://} or {@code https://}, a host, an optional
 * port, and nothing else. The protocol's paths are absolute ({@code /_taps/...}), so a path prefix
 * could never be honoured and is rejected rather than silently dropped.
 */
public final class BaseUrls {
    /** What a valid base URL looks like, for error messages. */
    public static final String EXPECTED =
            "http:// or https:// then a host and an optional port, such as http://127.0.0.1:8448 or https://relay-a.example";

    private BaseUrls() {}

    /**
     * Why {@code url} is not a base URL, or empty when it is one.
     *
     * @param allowPortZero whether port 0 may appear: true only for this relay's own public URL
     *     while it listens on an ephemeral port
     */
    public static Optional<String> defect(String url, boolean allowPortZero) {
        URI uri;
        try {
            uri = new URI(normalise(url));
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return Optional.of("is not an http or https URL");
        }
        if (uri.getHost() == null) {
            return Optional.of("has no valid host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry user info");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty()) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must not have a path, query or fragment");
        }
        int port = uri.getPort();
        boolean portOk = port == -1 || (port >= 1 && port <= 65535) || (allowPortZero && port == 0);
        if (!portOk) {
            return Optional.of("has an invalid port");
        }
        return Optional.empty();
    }

    /** The URL without one trailing {@code /}, the only path a base URL may be written with. */
    public static String normalise(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Checks {@code url} and returns its normal form; for use in compact constructors. */
    public static String require(String what, String url, boolean allowPortZero) {
        if (url == null) {
            throw new NullPointerException(what);
        }
        Optional<String> defect = defect(url, allowPortZero);
        if (defect.isPresent()) {
            throw new IllegalArgumentException(what + " '" + url + "' " + defect.get());
        }
        return normalise(url);
    }
}
