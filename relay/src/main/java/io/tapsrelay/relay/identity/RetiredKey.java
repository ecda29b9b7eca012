package io.tapsrelay.relay.identity;

import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.validate.Ids;
import java.util.Arrays;
import java.util.Base64;

/**
 * A signing key that is no longer used to sign but still verifies until {@code expiredTs}: events
 * and requests signed just before a rotation are still in flight for a while.
 *
 * @param keyId the key id it was published under
 * @param publicKey the raw 32-byte public key (copied in and out)
 * @param expiredTs unix ms from which the key no longer verifies
 */
public record RetiredKey(String keyId, byte[] publicKey, long expiredTs) {
    public RetiredKey {
        if (!Ids.isKeyId(keyId)) {
            throw new IllegalArgumentException("not a key id: " + keyId);
        }
        if (publicKey == null || publicKey.length != Ed25519Keys.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("retired key " + keyId + " needs a 32-byte public key, got "
                    + (publicKey == null ? "none" : publicKey.length + " bytes"));
        }
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** True when the key no longer verifies at {@code nowMillis}. */
    public boolean expiredAt(long nowMillis) {
        return nowMillis >= expiredTs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetiredKey r
                && keyId.equals(r.keyId)
                && expiredTs == r.expiredTs
                && Arrays.equals(publicKey, r.publicKey);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "RetiredKey[" + keyId + ", " + Base64.getEncoder().encodeToString(publicKey) + ", expiredTs=" + expiredTs + "]";
    }
}
