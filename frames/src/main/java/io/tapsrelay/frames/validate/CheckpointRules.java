package io.tapsrelay.frames.validate;

import io.tapsrelay.frames.CheckpointPayload;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.OriginView;
import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.frames.crypto.Sha256;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The forms of a CHECKPOINT view (§7) that hold for any honest sender. */
final class CheckpointRules {
    private CheckpointRules() {}

    static Optional<Violation> checkpoint(CheckpointPayload c) {
        Set<String> seen = new HashSet<>();
        for (OriginView view : c.origins()) {
            String origin = view.originServer();
            if (!Ids.isServerId(origin)) {
                return malformed("origin_server " + Quote.of(origin) + " is not a server id");
            }
            if (!seen.add(origin)) {
                return malformed("origin " + Quote.of(origin) + " appears twice");
            }
            Optional<Violation> counts = counts(view);
            if (counts.isPresent()) {
                return counts;
            }
            if (!Sha256.isHex(view.prefixHash())) {
                return malformed("prefix_hash of " + Quote.of(origin) + " is not 64 lower-case hex digits");
            }
            for (String block : view.blockHashes()) {
                if (!Sha256.isHex(block)) {
                    return malformed("block_hashes of " + Quote.of(origin) + " holds " + Quote.of(block) + ", not 64 lower-case hex digits");
                }
            }
            Optional<Violation> ranges = ranges(view);
            if (ranges.isPresent()) {
                return ranges;
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> counts(OriginView v) {
        // Dense sequences: 1..contiguous are all held, nothing above max is held.
        if (v.maxSeq() < 0 || v.contiguousSeq() < 0 || v.contiguousSeq() > v.maxSeq()
                || v.count() < v.contiguousSeq() || v.count() > v.maxSeq()) {
            return malformed("origin " + Quote.of(v.originServer()) + " needs 0 <= contiguous_seq <= count <= max_seq, got "
                    + v.contiguousSeq() + ", " + v.count() + ", " + v.maxSeq());
        }
        return Optional.empty();
    }

    private static Optional<Violation> ranges(OriginView v) {
        long previousTo = 0;
        for (SeqRange r : v.missing()) {
            if (r.from() <= previousTo || r.from() > r.to() || r.to() > v.maxSeq()) {
                return malformed("missing range [" + r.from() + "," + r.to() + "] of " + Quote.of(v.originServer())
                        + " is not ascending, disjoint and within 1.." + v.maxSeq());
            }
            previousTo = r.to();
        }
        return Optional.empty();
    }

    private static Optional<Violation> malformed(String detail) {
        return Optional.of(Violation.of(ErrorCode.MALFORMED_FRAME, detail));
    }
}
