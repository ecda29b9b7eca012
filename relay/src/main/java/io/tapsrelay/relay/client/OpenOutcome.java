package io.tapsrelay.relay.client;

import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2StreamChannel;

/** What came of trying to start a request stream on one connection. */
sealed interface OpenOutcome {
    /** The request HEADERS are on their way; the stream is the caller's. */
    record Opened(Http2StreamChannel stream) implements OpenOutcome {}

    /**
     * The connection turned out to be closed or going away before any byte of this request was
     * sent, so the request may start again on a fresh connection.
     *
     * @param cause what showed it, or null when the connection was already known to be gone
     */
    record Gone(Throwable cause) implements OpenOutcome {}

    /** The request cannot start on this connection and a fresh one would not help. */
    record Refused(PeerCallException error) implements OpenOutcome {}
}
