package io.tapsrelay.relay.identity;

import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.validate.Ids;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Keys pinned in configuration, consulted before anything else.
 *
 * <p>A server with at least one pinned key is resolved from its pins only: a key id it has not
 * pinned is unknown, and the delegate is never asked. That is the point of pinning (a fetched
 * {@code keys/current} cannot substitute another key), and it means a pinned peer's key rotation
 * needs a configuration change. Servers without pins go to the delegate.
 *
 * <p>Immutable and thread-safe; keys are decoded once, at construction.
 */
public final class PinnedKeys implements PeerKeyResolver {
    private final Map<String, Map<String, Ed25519Keys.PublicKey>> pinned;
    private final PeerKeyResolver delegate;

    /**
     * @param pinned server id → key id → raw 32-byte public key
     * @param delegate asked for servers that have no pinned key
     * @throws IllegalArgumentException naming the entry, when a server id, key id or key is invalid
     */
    public PinnedKeys(Map<String, Map<String, byte[]>> pinned, PeerKeyResolver delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        Map<String, Map<String, Ed25519Keys.PublicKey>> decoded = new HashMap<>();
        pinned.forEach((serverId, keys) -> {
            if (!Ids.isServerId(serverId)) {
                throw new IllegalArgumentException("pinned keys: \"" + serverId + "\" is not a server id");
            }
            Map<String, Ed25519Keys.PublicKey> byId = new HashMap<>();
            keys.forEach((keyId, raw) -> {
                if (!Ids.isKeyId(keyId)) {
                    throw new IllegalArgumentException(
                            "pinned keys of " + serverId + ": \"" + keyId + "\" is not a key id");
                }
                Ed25519Keys.PublicKey key = Ed25519Keys.publicKey(raw).orElseThrow(() -> new IllegalArgumentException(
                        "pinned key " + keyId + " of " + serverId + " is not a 32-byte Ed25519 public key"));
                byId.put(keyId, key);
            });
            if (!byId.isEmpty()) {
                decoded.put(serverId, Map.copyOf(byId));
            }
        });
        this.pinned = Map.copyOf(decoded);
    }

    /** Pinned keys alone, with no fallback. */
    public PinnedKeys(Map<String, Map<String, byte[]>> pinned) {
        this(pinned, PeerKeyResolver.none());
    }

    @Override
    public CompletableFuture<Optional<Ed25519Keys.PublicKey>> resolve(String serverId, String keyId) {
        Map<String, Ed25519Keys.PublicKey> keys = pinned.get(serverId);
        if (keys == null) {
            return delegate.resolve(serverId, keyId);
        }
        return CompletableFuture.completedFuture(Optional.ofNullable(keys.get(keyId)));
    }
}
