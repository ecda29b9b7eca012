package io.tapsrelay.relay.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A complete response to a one-shot request: status, media type, extra headers and body.
 *
 * @param status HTTP status
 * @param contentType media type of the body, or null for an empty body
 * @param headers extra headers, lower-case names
 * @param body the body bytes (not copied: callers hand over ownership)
 */
public record HttpResult(int status, String contentType, Map<String, String> headers, byte[] body) {

    public HttpResult {
        headers = Map.copyOf(headers);
    }

    /** A JSON body with status 200. */
    public static HttpResult json(byte[] body) {
        return new HttpResult(200, MediaTypes.JSON, Map.of(), body);
    }

    /** A JSON body with status 200 and extra headers. */
    public static HttpResult json(byte[] body, Map<String, String> headers) {
        return new HttpResult(200, MediaTypes.JSON, headers, body);
    }

    /** A body of NDJSON frames. */
    public static HttpResult frames(int status, byte[] body) {
        return new HttpResult(status, MediaTypes.FRAMES, Map.of(), body);
    }

    /** Plain text, e.g. Prometheus metrics. */
    public static HttpResult text(String contentType, String body) {
        return new HttpResult(200, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** This result with one more header. */
    public HttpResult withHeader(String name, String value) {
        var copy = new java.util.HashMap<>(headers);
        copy.put(name, value);
        return new HttpResult(status, contentType, copy, body);
    }
}
