package io.tapsrelay.frames.crypto;

import java.security.MessageDigest;

/**
 * The §7 prefix hash: h0 = 32 zero bytes, hn = SHA-256(hn-1 ‖ 16 ULID bytes ‖ 32 content-hash bytes).
 *
 * <p>A relay keeps hn current as events arrive, so a digest never rescans the log.
 */
public final class PrefixChain {
    /** How often the chain value is kept for {@code block_hashes}: after every 1024th sequence. */
    public static final int BLOCK_SIZE = 1024;

    private PrefixChain() {}

    /**
     * One chain step.
     *
     * @param previous hn-1
     * @param eventId the 16 bytes the event's ULID encodes
     * @param contentHash the 32 raw bytes of the event's content hash
     */
    public static Sha256 step(Sha256 previous, byte[] eventId, byte[] contentHash) {
        if (eventId.length != 16 || contentHash.length != Sha256.LENGTH) {
            throw new IllegalArgumentException(
                    "chain step needs 16 id bytes and 32 hash bytes, got " + eventId.length + " and " + contentHash.length);
        }
        MessageDigest digest = Sha256.threadDigest();
        previous.updateDigest(digest);
        digest.update(eventId);
        digest.update(contentHash);
        return Sha256.of(digest.digest());
    }
}
