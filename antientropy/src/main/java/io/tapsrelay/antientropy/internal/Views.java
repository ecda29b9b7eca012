package io.tapsrelay.antientropy.internal;

import io.tapsrelay.frames.OriginView;
import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.store.OriginState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds this relay's CHECKPOINT view of a group (§7) from the store: one entry per origin held, with
 * the holes below its {@code max_seq} as {@code missing}, and {@code block_hashes} where the other
 * side holds the same {@code contiguous_seq} under another {@code prefix_hash}.
 *
 * <p>The holes are listed from the keys above each origin's contiguous run, so an origin without
 * holes costs nothing and one with holes costs one key scan of the stretch above its run. At most
 * {@link #MAX_MISSING_RANGES} ranges are listed over all origins (the lowest of each origin first);
 * the rest are found in later rounds, which keeps one CHECKPOINT line bounded however the holes lie.
 */
final class Views {
    /** The most {@code missing} ranges one view lists, over all origins. */
    static final int MAX_MISSING_RANGES = 16_384;

    private Views() {}

    /**
     * @param other the other side's entries by origin, for deciding on {@code block_hashes}; empty
     *     when this view goes first (the caller's)
     * @param extraMissing ranges to ask for although held (a block whose chain differs), by origin;
     *     merged into that origin's {@code missing}
     */
    static List<OriginView> of(EventStore store, String group, Map<String, OriginView> other,
            Map<String, List<SeqRange>> extraMissing) {
        List<OriginView> out = new ArrayList<>();
        int budget = MAX_MISSING_RANGES;
        for (OriginState s : store.originStates(group)) {
            List<SeqRange> missing = new ArrayList<>();
            // Dense sequences: count < max exactly when something below max is not held.
            if (s.count() < s.maxSeq() && budget > 0) {
                missing.addAll(store.missingRanges(group, s.originServer(), s.contiguousSeq() + 1, s.maxSeq(), budget));
            }
            missing.addAll(extraMissing.getOrDefault(s.originServer(), List.of()));
            missing = Ranges.merge(missing).stream().map(r -> Ranges.clip(r, s.maxSeq())).filter(Objects::nonNull).toList();
            budget -= missing.size();
            out.add(new OriginView(s.originServer(), s.maxSeq(), s.contiguousSeq(), s.count(), s.prefixHash().hex(),
                    missing, blockHashes(store, group, s, other.get(s.originServer()))));
        }
        return out;
    }

    private static List<String> blockHashes(EventStore store, String group, OriginState mine, OriginView theirs) {
        if (theirs == null || theirs.contiguousSeq() != mine.contiguousSeq()
                || theirs.prefixHash().equals(mine.prefixHash().hex())) {
            return List.of();
        }
        return store.blockHashes(group, mine.originServer()).stream().map(Sha256::hex).toList();
    }
}
