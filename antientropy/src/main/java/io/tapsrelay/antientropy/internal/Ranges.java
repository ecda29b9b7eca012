package io.tapsrelay.antientropy.internal;

import io.tapsrelay.frames.SeqRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Inclusive sequence ranges: sorting, merging and clipping. Stateless. */
final class Ranges {
    private Ranges() {}

    /** {@code ranges} sorted, with overlapping and touching ranges joined; empty ranges dropped. */
    static List<SeqRange> merge(List<SeqRange> ranges) {
        List<SeqRange> sorted = new ArrayList<>(ranges);
        sorted.removeIf(r -> r.from() > r.to());
        sorted.sort(Comparator.comparingLong(SeqRange::from));
        List<SeqRange> out = new ArrayList<>();
        for (SeqRange r : sorted) {
            if (!out.isEmpty() && r.from() <= out.get(out.size() - 1).to() + 1) {
                SeqRange last = out.remove(out.size() - 1);
                out.add(new SeqRange(last.from(), Math.max(last.to(), r.to())));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** The part of {@code r} within {@code 1..max}, or null when none. */
    static SeqRange clip(SeqRange r, long max) {
        long from = Math.max(1, r.from());
        long to = Math.min(max, r.to());
        return from <= to ? new SeqRange(from, to) : null;
    }

    /** Number of sequences the ranges cover. */
    static long size(List<SeqRange> ranges) {
        long n = 0;
        for (SeqRange r : ranges) {
            n += r.to() - r.from() + 1;
        }
        return n;
    }
}
