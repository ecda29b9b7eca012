package io.tapsrelay.frames.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 over BouncyCastle's low-level RFC 8032 code, which is several times faster than the
 * JDK provider. Keys are raw 32-byte values; signatures are 64 bytes.
 *
 * <p>Thread-safe: all methods are stateless.
 */
public final class Ed25519Keys {
    /** Raw public key length. */
    public static final int PUBLIC_KEY_LENGTH = Ed25519.PUBLIC_KEY_SIZE;
    /** Raw secret key (seed) length. */
    public static final int SECRET_KEY_LENGTH = Ed25519.SECRET_KEY_SIZE;
    /** Signature length. */
    public static final int SIGNATURE_LENGTH = Ed25519.SIGNATURE_SIZE;

    static {
        Ed25519.precompute();
    }

    private Ed25519Keys() {}

    /** A fresh key pair from {@code random}. */
    public static KeyPair generate(SecureRandom random) {
        byte[] secret = new byte[SECRET_KEY_LENGTH];
        Ed25519.generatePrivateKey(random, secret);
        return fromSecret(secret);
    }

    /** The key pair of a 32-byte secret key (seed). */
    public static KeyPair fromSecret(byte[] secret) {
        if (secret.length != SECRET_KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 secret key needs 32 bytes, got " + secret.length);
        }
        byte[] pub = new byte[PUBLIC_KEY_LENGTH];
        Ed25519.generatePublicKey(secret, 0, pub, 0);
        return new KeyPair(secret, pub);
    }

    /** Signs {@code message} with the 32-byte secret key. */
    public static byte[] sign(byte[] secretKey, byte[] message) {
        byte[] sig = new byte[SIGNATURE_LENGTH];
        Ed25519.sign(secretKey, 0, message, 0, message.length, sig, 0);
        return sig;
    }

    /**
     * A public key decoded once for repeated verification; decoding the point is a sizeable part of
     * a verification, so callers that check many signatures by one key should keep one of these.
     *
     * @return empty when the 32 bytes are not a valid Ed25519 point
     */
    public static java.util.Optional<PublicKey> publicKey(byte[] raw) {
        if (raw == null || raw.length != PUBLIC_KEY_LENGTH) {
            return java.util.Optional.empty();
        }
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(raw, 0);
        return point == null ? java.util.Optional.empty() : java.util.Optional.of(new PublicKey(raw.clone(), point));
    }

    /** Verifies {@code signature} over {@code message} with a raw public key. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return publicKey(publicKey).map(k -> k.verify(message, signature)).orElse(false);
    }

    /** A raw Ed25519 key pair. Holds the secret: never log it. */
    public record KeyPair(byte[] secretKey, byte[] publicKey) {
        public KeyPair {
            secretKey = secretKey.clone();
            publicKey = publicKey.clone();
        }

        @Override
        public byte[] secretKey() {
            return secretKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        /** Signs {@code message}. */
        public byte[] sign(byte[] message) {
            return Ed25519Keys.sign(secretKey, message);
        }

        @Override
        public String toString() {
            return "KeyPair[publicKey=" + java.util.Base64.getEncoder().encodeToString(publicKey) + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyPair k && Arrays.equals(secretKey, k.secretKey);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(publicKey);
        }
    }

    /** A decoded public key, ready to verify many signatures. Immutable and thread-safe. */
    public static final class PublicKey {
        private final byte[] raw;
        private final Ed25519.PublicPoint point;

        private PublicKey(byte[] raw, Ed25519.PublicPoint point) {
            this.raw = raw;
            this.point = point;
        }

        /** A copy of the raw 32 bytes. */
        public byte[] raw() {
            return raw.clone();
        }

        /** True when {@code signature} is a valid signature of {@code message} by this key. */
        public boolean verify(byte[] message, byte[] signature) {
            if (signature == null || signature.length != SIGNATURE_LENGTH) {
                return false;
            }
            return Ed25519.verify(signature, 0, point, message, 0, message.length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PublicKey k && Arrays.equals(raw, k.raw);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(raw);
        }
    }
}
