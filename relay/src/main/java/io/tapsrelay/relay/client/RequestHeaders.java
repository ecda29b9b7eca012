package io.tapsrelay.relay.client;

import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Headers;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Builds the HEADERS of an outgoing request; refuses what HTTP/2 or the signing rules forbid. */
final class RequestHeaders {
    // Connection-specific fields are malformed in HTTP/2 (RFC 9113 §8.2.2); :authority replaces host.
    private static final Set<String> FORBIDDEN =
            Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "host");

    private RequestHeaders() {}

    /**
     * Request headers with {@code :path} exactly as given: peers sign the path as sent, so nothing
     * here percent-encodes or normalises it.
     *
     * @param contentLength the body length, or -1 to send no {@code content-length} (streams)
     * @throws IllegalArgumentException for a bad method, path or header name
     */
    static Http2Headers build(PeerAddress peer, String method, String pathWithQuery,
            Map<String, String> headers, long contentLength) {
        checkMethod(method);
        checkPath(pathWithQuery);
        Http2Headers h = new DefaultHttp2Headers()
                .method(method)
                .scheme(peer.scheme())
                .authority(peer.authority())
                .path(pathWithQuery);
        headers.forEach((name, value) -> {
            String lower = Objects.requireNonNull(name, "header name").toLowerCase(Locale.ROOT);
            if (lower.isEmpty() || lower.startsWith(":") || FORBIDDEN.contains(lower)) {
                throw new IllegalArgumentException("header '" + name + "' may not be set on an HTTP/2 request");
            }
            h.set(lower, Objects.requireNonNull(value, "value of header " + name));
        });
        if (contentLength >= 0 && !h.contains("content-length")) {
            h.setLong("content-length", contentLength);
        }
        return h;
    }

    private static void checkMethod(String method) {
        Objects.requireNonNull(method, "method");
        if (method.isEmpty() || !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException("method '" + method + "' is not an upper-case token");
        }
    }

    private static void checkPath(String path) {
        Objects.requireNonNull(path, "pathWithQuery");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path '" + path + "' does not start with /");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            // Only visible ASCII can go on the wire unchanged; anything else must be percent-encoded by
            // the caller, before signing.
            if (c <= 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException("path '" + path + "' holds a character that is not visible ASCII at index " + i);
            }
        }
    }
}
