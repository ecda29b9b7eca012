package io.tapsrelay.antientropy.internal;

import io.tapsrelay.frames.OriginView;
import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.frames.crypto.PrefixChain;
import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.relay.store.OriginState;
import java.util.List;
import java.util.Optional;

/**
 * Finds where two chains over the same {@code contiguous_seq} part (§7): the first 1024-sequence block
 * whose chain value differs, or, when every whole block agrees, the tail after the last one. Only the
 * first divergence can be located this way: every chain value after it differs too.
 */
final class BlockProbe {
    private BlockProbe() {}

    /**
     * The range to fetch again, or empty when the entries do not qualify (other contiguous sequence,
     * same prefix hash, no block hashes given) or nothing differs.
     *
     * @param theirs the other side's entry, with its {@code block_hashes}
     * @param mine this relay's state of the same origin
     * @param myBlocks this relay's block hashes of the origin
     */
    static Optional<SeqRange> firstDiffering(OriginView theirs, OriginState mine, List<Sha256> myBlocks) {
        if (theirs.contiguousSeq() != mine.contiguousSeq() || theirs.prefixHash().equals(mine.prefixHash().hex())
                || theirs.blockHashes().isEmpty() && mine.contiguousSeq() >= PrefixChain.BLOCK_SIZE) {
            return Optional.empty();
        }
        int common = Math.min(theirs.blockHashes().size(), myBlocks.size());
        for (int i = 0; i < common; i++) {
            if (!theirs.blockHashes().get(i).equals(myBlocks.get(i).hex())) {
                return Optional.of(block(i, mine.contiguousSeq()));
            }
        }
        long from = (long) common * PrefixChain.BLOCK_SIZE + 1;
        if (from > mine.contiguousSeq()) {
            return Optional.empty();
        }
        return Optional.of(block(common, mine.contiguousSeq()));
    }

    private static SeqRange block(int index, long contiguousSeq) {
        long from = (long) index * PrefixChain.BLOCK_SIZE + 1;
        return new SeqRange(from, Math.min(contiguousSeq, from + PrefixChain.BLOCK_SIZE - 1));
    }
}
