package io.tapsrelay.frames;

import java.util.List;
import java.util.Objects;

/**
 * One origin of a CHECKPOINT view (§7).
 *
 * @param originServer the origin the entry describes
 * @param maxSeq the highest origin sequence held
 * @param contiguousSeq the highest n with 1…n all held
 * @param count events held
 * @param prefixHash lower-case hex of the prefix chain over 1…{@code contiguousSeq}
 * @param missing inclusive ranges up to {@code maxSeq} the sender lacks; empty when none
 * @param blockHashes chain value after every 1024th sequence; empty when absent
 */
public record OriginView(
        String originServer,
        long maxSeq,
        long contiguousSeq,
        long count,
        String prefixHash,
        List<SeqRange> missing,
        List<String> blockHashes) {
    public OriginView {
        Objects.requireNonNull(originServer, "originServer");
        Objects.requireNonNull(prefixHash, "prefixHash");
        missing = List.copyOf(Objects.requireNonNull(missing, "missing"));
        blockHashes = List.copyOf(Objects.requireNonNull(blockHashes, "blockHashes"));
    }
}
