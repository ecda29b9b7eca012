package io.tapsrelay.relay.store;

import static io.tapsrelay.relay.store.TestEvents.GROUP;
import static io.tapsrelay.relay.store.TestEvents.ORIGIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tapsrelay.frames.SeqRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingRangesTest {
    @TempDir
    Path dir;

    private RocksEventStore store;

    /** Holds 1..3, 6, 9..10 and 20 of the origin; neighbours share prefixes of its names. */
    @BeforeEach
    void openWithHoles() throws Exception {
        store = RocksEventStore.open(dir, false);
        List<StoredEvent> events = new ArrayList<>();
        for (long seq : new long[] {1, 2, 3, 6, 9, 10, 20}) {
            events.add(TestEvents.event(seq));
        }
        events.add(TestEvents.event(GROUP, "relay-a.example.org", 4));
        events.add(TestEvents.event("g!team-70", ORIGIN, 5));
        store.append(events).get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theHolesUpToMaxSeqComeBackAsAscendingInclusiveRanges() {
        assertEquals(List.of(new SeqRange(4, 5), new SeqRange(7, 8), new SeqRange(11, 19)),
                store.missingRanges(GROUP, ORIGIN, 1, 20, 100));
    }

    @Test
    void aRangeStartingInsideAHoleBeginsAtTheGivenSequence() {
        assertEquals(List.of(new SeqRange(5, 5), new SeqRange(7, 8)), store.missingRanges(GROUP, ORIGIN, 5, 9, 100));
    }

    @Test
    void sequencesAboveTheHighestHeldUpToTheEndAreOneTrailingHole() {
        assertEquals(List.of(new SeqRange(21, 30)), store.missingRanges(GROUP, ORIGIN, 20, 30, 100));
    }

    @Test
    void anOriginNeverSeenIsOneHoleCoveringTheWholeRange() {
        assertEquals(List.of(new SeqRange(1, 7)), store.missingRanges(GROUP, "relay-z.example", 1, 7, 100));
    }

    @Test
    void aFullyHeldRangeHasNoHoles() {
        assertEquals(List.of(), store.missingRanges(GROUP, ORIGIN, 1, 3, 100));
        assertEquals(List.of(), store.missingRanges(GROUP, ORIGIN, 9, 8, 100));
    }

    @Test
    void onlyTheLowestMaxRangesHolesAreListed() {
        assertEquals(List.of(new SeqRange(4, 5), new SeqRange(7, 8)), store.missingRanges(GROUP, ORIGIN, 1, 20, 2));
    }

    @Test
    void aMaxRangesBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.missingRanges(GROUP, ORIGIN, 1, 20, 0));
    }
}
