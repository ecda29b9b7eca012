package io.tapsrelay.relay.identity;

/**
 * Decides whether an origin server may make federation requests (§6: checked before any key is
 * looked up). Implementations must be cheap and thread-safe: they run on every peer request.
 */
@FunctionalInterface
public interface AccessPolicy {
    /** The verdict for {@code origin}, a valid server id. */
    Access check(String origin);
}
