package io.tapsrelay.relay.store;

import static io.tapsrelay.relay.store.TestEvents.GROUP;
import static io.tapsrelay.relay.store.TestEvents.ORIGIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadTest {
    @TempDir
    Path dir;

    private RocksEventStore store;
    private final List<StoredEvent> held = new ArrayList<>();

    @BeforeEach
    void openWithEventsOneToTwentyExceptFive() throws Exception {
        store = RocksEventStore.open(dir, false);
        for (long seq = 1; seq <= 20; seq++) {
            if (seq != 5) {
                held.add(TestEvents.event(seq));
            }
        }
        List<StoredEvent> neighbours = List.of(
                TestEvents.event(GROUP, "relay-a.example.org", 3),
                TestEvents.event("g!team-70", ORIGIN, 3),
                TestEvents.event(GROUP, "relay-0.example", 30));
        List<StoredEvent> all = new ArrayList<>(held);
        all.addAll(neighbours);
        store.append(all).get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static List<Long> seqs(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::originSeq).toList();
    }

    @Test
    void aRangeComesBackAscendingWithoutTheMissingSequence() {
        assertEquals(List.of(3L, 4L, 6L, 7L), seqs(store.read(GROUP, ORIGIN, 3, 7, 100, Long.MAX_VALUE)));
    }

    @Test
    void readingReturnsTheRecordsVerbatim() {
        assertEquals(held, store.read(GROUP, ORIGIN, 1, 20, 100, Long.MAX_VALUE));
    }

    @Test
    void readingStopsAtMaxEvents() {
        assertEquals(List.of(4L, 6L, 7L), seqs(store.read(GROUP, ORIGIN, 4, 20, 3, Long.MAX_VALUE)));
    }

    @Test
    void readingStopsBeforeTheBytesWouldPassMaxBytes() {
        int one = held.get(0).recordLength();
        // Records of one to nine have the same length; two fit, a third would pass the limit.
        assertEquals(List.of(1L, 2L), seqs(store.read(GROUP, ORIGIN, 1, 9, 100, 3L * one - 1)));
        assertEquals(List.of(1L, 2L, 3L), seqs(store.read(GROUP, ORIGIN, 1, 9, 100, 3L * one)));
    }

    @Test
    void theFirstEventComesBackEvenWhenItAloneIsLargerThanMaxBytes() {
        assertEquals(List.of(6L), seqs(store.read(GROUP, ORIGIN, 5, 20, 100, 0)));
    }

    @Test
    void aRangeWithNothingHeldIsEmpty() {
        assertTrue(store.read(GROUP, ORIGIN, 21, 1000, 10, 1000).isEmpty());
        assertTrue(store.read(GROUP, ORIGIN, 5, 5, 10, 1000).isEmpty());
        assertTrue(store.read(GROUP, ORIGIN, 9, 8, 10, 1000).isEmpty());
        assertTrue(store.read(GROUP, "relay-unknown.example", 1, 100, 10, 1000).isEmpty());
    }

    @Test
    void readingToTheLargestSequenceStopsAtTheOriginsEnd() {
        assertEquals(19, store.read(GROUP, ORIGIN, 1, Long.MAX_VALUE, 1000, Long.MAX_VALUE).size());
    }

    @Test
    void getFindsHeldEventsOnly() {
        assertEquals(held.get(0), store.get(GROUP, ORIGIN, 1).orElseThrow());
        assertTrue(store.get(GROUP, ORIGIN, 5).isEmpty());
        assertTrue(store.get("g!team-70", ORIGIN, 4).isEmpty());
    }

    @Test
    void badArgumentsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> store.read(GROUP, ORIGIN, 0, 5, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> store.read(GROUP, ORIGIN, 1, 5, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> store.read(GROUP, ORIGIN, 1, 5, 10, -1));
        assertThrows(IllegalArgumentException.class, () -> store.read("team-7", ORIGIN, 1, 5, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> store.get(GROUP, "Relay.Example", 1));
        assertThrows(IllegalArgumentException.class, () -> store.findEventId("not-a-ulid"));
    }
}
