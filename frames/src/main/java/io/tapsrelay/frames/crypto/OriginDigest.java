package io.tapsrelay.frames.crypto;

import java.util.Objects;

/**
 * One origin entry of a §7 group digest.
 *
 * @param originServer the origin
 * @param maxSeq the highest origin sequence held
 * @param contiguousSeq the highest n with 1…n all held
 * @param count events held
 * @param prefixHash the prefix chain over 1…{@code contiguousSeq}
 */
public record OriginDigest(String originServer, long maxSeq, long contiguousSeq, long count, Sha256 prefixHash) {
    public OriginDigest {
        Objects.requireNonNull(originServer, "originServer");
        Objects.requireNonNull(prefixHash, "prefixHash");
        // Sequences are dense from 1, so these hold for every honest digest.
        if (contiguousSeq < 0 || contiguousSeq > count || count > maxSeq) {
            throw new IllegalArgumentException("digest of " + originServer
                    + " needs 0 <= contiguous_seq <= count <= max_seq, got " + contiguousSeq + ", " + count + ", " + maxSeq);
        }
    }

    /** The entry's text in the root hash: the five values, each followed by {@code \n}. */
    String rootHashText() {
        return originServer + '\n' + maxSeq + '\n' + contiguousSeq + '\n' + count + '\n' + prefixHash.hex() + '\n';
    }
}
