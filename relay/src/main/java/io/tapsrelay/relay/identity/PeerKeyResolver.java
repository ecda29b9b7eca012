package io.tapsrelay.relay.identity;

import io.tapsrelay.frames.crypto.Ed25519Keys;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Finds the public key a peer signs with under a key id: pinned in configuration, cached, or
 * fetched from the peer's {@code /_taps/federation/keys/current}.
 *
 * <p>Implementations should complete already known keys immediately: the caller then verifies on
 * its own thread. A future that completes later hands the rest of the work to the completing
 * thread, so complete it on a worker, never on a network event loop. A key that cannot be found or
 * fetched is an empty result; an exceptional completion is treated the same way.
 */
@FunctionalInterface
public interface PeerKeyResolver {
    /** The key of {@code serverId} named {@code keyId}, or empty when it is unknown. */
    CompletableFuture<Optional<Ed25519Keys.PublicKey>> resolve(String serverId, String keyId);

    /** A resolver that knows no key; the end of a chain of resolvers. */
    static PeerKeyResolver none() {
        return (serverId, keyId) -> CompletableFuture.completedFuture(Optional.empty());
    }
}
