package io.tapsrelay.antientropy.internal;

import io.tapsrelay.antientropy.GroupDigest;
import io.tapsrelay.frames.OriginView;
import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.frames.crypto.OriginDigest;
import io.tapsrelay.relay.store.OriginState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which of the events this relay holds the other side lacks, from what the other side said it holds:
 * its {@code missing} ranges, everything above its {@code max_seq}, and every origin it does not
 * list. The answer names ranges, not events: sequences this relay lacks too are skipped when read.
 */
final class Shortfall {
    /** What the other side said of one origin: its highest sequence and the holes below it it listed. */
    record Known(long maxSeq, List<SeqRange> missing) {
        Known {
            missing = List.copyOf(missing);
        }
    }

    private Shortfall() {}

    /** What a CHECKPOINT view says, by origin. */
    static Map<String, Known> known(List<OriginView> view) {
        Map<String, Known> out = new HashMap<>();
        for (OriginView v : view) {
            out.put(v.originServer(), new Known(v.maxSeq(), v.missing()));
        }
        return out;
    }

    /** What a digest says, by origin: a digest lists no holes, so only what lies above max_seq shows. */
    static Map<String, Known> known(GroupDigest digest) {
        Map<String, Known> out = new HashMap<>();
        for (OriginDigest d : digest.origins()) {
            out.put(d.originServer(), new Known(d.maxSeq(), List.of()));
        }
        return out;
    }

    /**
     * The ranges to send, by origin (sorted), each origin's ranges ascending and disjoint.
     *
     * @param mine this relay's origin states
     * @param theirs what the other side holds, by origin
     * @param extra more ranges to send whatever the other side said (equivocation counterparts)
     */
    static Map<String, List<SeqRange>> of(List<OriginState> mine, Map<String, Known> theirs,
            Map<String, List<SeqRange>> extra) {
        Map<String, List<SeqRange>> out = new TreeMap<>();
        for (OriginState s : mine) {
            List<SeqRange> ranges = new ArrayList<>(extra.getOrDefault(s.originServer(), List.of()));
            Known k = theirs.get(s.originServer());
            if (k == null) {
                ranges.add(new SeqRange(1, s.maxSeq()));
            } else {
                for (SeqRange r : k.missing()) {
                    SeqRange clipped = Ranges.clip(r, s.maxSeq());
                    if (clipped != null) {
                        ranges.add(clipped);
                    }
                }
                if (s.maxSeq() > k.maxSeq()) {
                    ranges.add(new SeqRange(k.maxSeq() + 1, s.maxSeq()));
                }
            }
            List<SeqRange> merged = Ranges.merge(ranges);
            if (!merged.isEmpty()) {
                out.put(s.originServer(), merged);
            }
        }
        return out;
    }
}
