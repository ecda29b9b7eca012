package io.tapsrelay.relay.store;

import io.tapsrelay.frames.validate.Ids;
import io.tapsrelay.relay.store.internal.Args;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A peer's public key as fetched from its {@code /keys/current} endpoint, cached durably.
 *
 * @param serverId the peer
 * @param keyId the key's id
 * @param publicKey the key bytes as the peer published them (raw Ed25519: 32 bytes); copied in and out
 * @param validUntilMillis until when the key verifies (unix ms)
 */
public record CachedKey(String serverId, String keyId, byte[] publicKey, long validUntilMillis) {

    public CachedKey {
        Args.server("serverId", serverId);
        if (!Ids.isKeyId(keyId)) {
            throw new IllegalArgumentException("keyId: not a key id: " + keyId);
        }
        publicKey = Objects.requireNonNull(publicKey, "publicKey").clone();
        if (publicKey.length == 0) {
            throw new IllegalArgumentException("publicKey: empty");
        }
    }

    /** A copy of the key bytes. */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CachedKey other
                && validUntilMillis == other.validUntilMillis
                && serverId.equals(other.serverId)
                && keyId.equals(other.keyId)
                && Arrays.equals(publicKey, other.publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serverId, keyId, validUntilMillis) * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "CachedKey[" + serverId + " " + keyId + " " + HexFormat.of().formatHex(publicKey) + " until "
                + validUntilMillis + "]";
    }
}
