package io.tapsrelay.frames.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The §7 {@code root_hash}: SHA-256 over the origin entries sorted by {@code origin_server} in
 * unsigned byte order of its UTF-8, each entry its five values followed by {@code \n}. Equal root
 * hashes mean equal state for the group.
 */
public final class RootHash {
    private static final Comparator<byte[]> UNSIGNED_BYTES = Arrays::compareUnsigned;

    private RootHash() {}

    /**
     * The root hash of {@code origins}, in any order.
     *
     * @throws IllegalArgumentException when an origin appears twice
     */
    public static Sha256 of(Collection<OriginDigest> origins) {
        List<OriginDigest> sorted = origins.stream()
                .sorted(Comparator.comparing(d -> d.originServer().getBytes(StandardCharsets.UTF_8), UNSIGNED_BYTES))
                .toList();
        MessageDigest digest = Sha256.newDigest();
        String previous = null;
        for (OriginDigest entry : sorted) {
            if (entry.originServer().equals(previous)) {
                throw new IllegalArgumentException("origin " + previous + " appears twice in a digest");
            }
            previous = entry.originServer();
            digest.update(entry.rootHashText().getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.of(digest.digest());
    }
}
