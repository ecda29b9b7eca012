package io.tapsrelay.relay.http;

import java.util.concurrent.CompletableFuture;

/**
 * A request answered with one complete response once its whole body is in. Implementations know
 * nothing of Netty, so they are tested without a socket.
 *
 * <p>Threading: called on a Netty event loop; anything slower than a few microseconds (signature
 * checks, disk) must move to another executor and complete the future from there.
 */
@FunctionalInterface
public interface UnaryEndpoint {
    CompletableFuture<HttpResult> handle(RequestHead head, byte[] body);
}
