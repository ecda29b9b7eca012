package io.tapsrelay.frames.crypto;

/** The §3 {@code content_hash}: {@code sha256:} and the lower-case hex SHA-256 of the decoded content. */
public final class ContentHash {
    /** The text before the hex digits. */
    public static final String PREFIX = "sha256:";

    private ContentHash() {}

    /** The content hash of {@code content} (the decoded bytes, not their base64). */
    public static String of(byte[] content) {
        return PREFIX + Sha256.digest(content).hex();
    }

    /** True when {@code s} is {@code sha256:} and 64 lower-case hex digits. */
    public static boolean isValid(String s) {
        // Checked in place: every EVENT passes here, and a substring would copy 64 chars for nothing.
        return s != null && s.length() == PREFIX.length() + 2 * Sha256.LENGTH && s.startsWith(PREFIX)
                && Sha256.isLowerHex(s, PREFIX.length());
    }

    /**
     * True when {@code contentHash}, which must be in the {@link #isValid} form, names the SHA-256
     * of {@code content}. Compares the 32 bytes, so no hex text is made for the digest.
     */
    public static boolean matches(byte[] content, String contentHash) {
        return Sha256.digest(content).equals(Sha256.fromHex(contentHash, PREFIX.length()));
    }

    /**
     * The SHA-256 value a content hash names, e.g. for the §7 prefix chain.
     *
     * @throws IllegalArgumentException when {@code contentHash} is not in the {@link #isValid} form
     */
    public static Sha256 parse(String contentHash) {
        if (!isValid(contentHash)) {
            throw new IllegalArgumentException("not sha256: and 64 lower-case hex digits: " + contentHash);
        }
        return Sha256.fromHex(contentHash, PREFIX.length());
    }
}
