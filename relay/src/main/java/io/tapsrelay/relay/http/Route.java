package io.tapsrelay.relay.http;

/** What serves a matched request: a one-shot endpoint with a body limit, or a stream. */
public sealed interface Route {
    /** Media type the request body must have, or null when any (or none) is accepted. */
    String requiredContentType();

    /**
     * A one-shot request.
     *
     * @param maxBodyBytes larger bodies are refused with 413 as soon as the limit is crossed
     * @param requiredContentType see {@link Route#requiredContentType()}
     */
    record Unary(UnaryEndpoint endpoint, long maxBodyBytes, String requiredContentType) implements Route {}

    /** A bidirectional frame stream; HTTP/2 only. */
    record Streaming(StreamingEndpoint endpoint, String requiredContentType) implements Route {}
}
