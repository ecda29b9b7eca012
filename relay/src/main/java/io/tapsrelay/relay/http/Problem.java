package io.tapsrelay.relay.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * An error answered before a stream starts: an HTTP status with an RFC 9457
 * {@code application/problem+json} body.
 *
 * @param status HTTP status
 * @param title short, stable summary for the status
 * @param detail what exactly was wrong with this request, naming the value and the limit
 */
public record Problem(int status, String title, String detail) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Problem badRequest(String detail) {
        return new Problem(400, "Bad Request", detail);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, "Unauthorized", detail);
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "Forbidden", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail);
    }

    public static Problem methodNotAllowed(String detail) {
        return new Problem(405, "Method Not Allowed", detail);
    }

    public static Problem payloadTooLarge(String detail) {
        return new Problem(413, "Content Too Large", detail);
    }

    public static Problem unsupportedMediaType(String detail) {
        return new Problem(415, "Unsupported Media Type", detail);
    }

    public static Problem tooManyRequests(String detail) {
        return new Problem(429, "Too Many Requests", detail);
    }

    public static Problem internalError(String detail) {
        return new Problem(500, "Internal Server Error", detail);
    }

    public static Problem unavailable(String detail) {
        return new Problem(503, "Service Unavailable", detail);
    }

    /** The problem as a complete response. */
    public HttpResult toResult() {
        return toResult(Map.of());
    }

    /** The problem as a complete response with extra headers (e.g. {@code allow}, {@code retry-after}). */
    public HttpResult toResult(Map<String, String> headers) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        try {
            return new HttpResult(status, MediaTypes.PROBLEM, headers, JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serialises", e);
        }
    }
}
