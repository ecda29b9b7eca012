package io.tapsrelay.relay.identity;

import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.validate.Ids;
import java.util.Objects;

/**
 * This relay's current signing key.
 *
 * @param keyId {@code ed25519:} and the first 12 hex digits of SHA-256 of the public key
 * @param keyPair the raw key pair; holds the secret, so never log it (its {@code toString} does not)
 * @param validUntilMillis when the key is due for rotation (creation + rotation interval), unix ms;
 *     published as {@code valid_until} in keys/current
 */
public record SigningKey(String keyId, Ed25519Keys.KeyPair keyPair, long validUntilMillis) {
    public SigningKey {
        Objects.requireNonNull(keyPair, "keyPair");
        if (!Ids.isKeyId(keyId)) {
            throw new IllegalArgumentException("not a key id: " + keyId);
        }
    }

    /** A copy of the raw 32-byte public key. */
    public byte[] publicKey() {
        return keyPair.publicKey();
    }

    /** Signs {@code message} with this key. */
    public byte[] sign(byte[] message) {
        return keyPair.sign(message);
    }
}
