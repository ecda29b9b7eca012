package io.tapsrelay.relay.http;

import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2StreamChannel;

/**
 * A request that becomes a long-lived bidirectional frame stream ({@code /stream}).
 *
 * <p>Called on the stream channel's event loop right after the request headers, with auto-read
 * switched off: the endpoint authenticates, installs its own handlers, answers the headers and
 * turns reading back on when it is ready for body bytes.
 */
@FunctionalInterface
public interface StreamingEndpoint {
    void open(RequestHead head, Http2StreamChannel channel);
}
