package io.tapsrelay.antientropy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tapsrelay.frames.SeqRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangesTest {
    @Test
    void overlappingAndTouchingRangesMergeAndTheResultIsSorted() {
        assertEquals(List.of(new SeqRange(1, 7), new SeqRange(9, 9)), Ranges.merge(List.of(new SeqRange(9, 9),
                new SeqRange(4, 7), new SeqRange(1, 3), new SeqRange(5, 6))));
    }

    @Test
    void clippingKeepsTheRangeWithinOneToMax() {
        assertEquals(new SeqRange(1, 5), Ranges.clip(new SeqRange(0, 9), 5));
        assertNull(Ranges.clip(new SeqRange(6, 9), 5));
    }

    @Test
    void theSizeCountsEverySequenceOfEveryRange() {
        assertEquals(5, Ranges.size(List.of(new SeqRange(1, 3), new SeqRange(10, 11))));
    }
}
