package io.tapsrelay.antientropy.internal;

import static io.tapsrelay.antientropy.internal.TestEvents.GROUP;
import static io.tapsrelay.antientropy.internal.TestEvents.ORIGIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.frames.codec.FrameEncoder;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.store.RocksEventStore;
import io.tapsrelay.relay.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventPackerTest {
    private static final String SELF = "relay-self.test";

    @TempDir
    Path dir;

    private RocksEventStore store;

    @BeforeEach
    void openWithFiftyEventsButTheTenth() throws Exception {
        store = RocksEventStore.open(dir, false);
        store.append(TestEvents.range(ORIGIN, 1, 50, 10)).get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private EventPacker.Packed pack(long budget) {
        return EventPacker.pack(store, GROUP, SELF, Map.of(ORIGIN, List.of(new SeqRange(1, 50))), budget, 2);
    }

    @Test
    void anEventLineIsByteForByteWhatTheFrameEncoderWritesForTheParsedRecord() {
        StoredEvent e = TestEvents.event(7);
        String id = Ulids.next();
        byte[] line = EventLines.line(id, SELF, 42, GROUP, "2026-11-22T14:20:17.123Z", e);
        byte[] encoded = FrameEncoder.encode(Frame.of(FrameType.EVENT, id, SELF, 42, GROUP, "2026-11-22T14:20:17.123Z",
                EventRecord.parse(e.record())));
        assertArrayEquals(encoded, line, new String(line, StandardCharsets.UTF_8));
    }

    @Test
    void everyHeldWantedEventIsPackedInOrderWhenTheBudgetAllows() {
        EventPacker.Packed p = pack(Long.MAX_VALUE);
        assertEquals(49, p.events(), "sequence 10 is not held and is skipped");
        assertFalse(p.truncated());
        assertEquals(p.lines().stream().mapToLong(l -> l.length).sum(), p.bytes());
        assertEquals(List.of(1L, 2L, 3L), p.sent().values().stream().map(EventPacker.Sent::seq).sorted().limit(3).toList());
        String first = new String(p.lines().get(0), StandardCharsets.UTF_8);
        assertTrue(first.contains("\"sequence\":2,"), "the first line carries the first sequence given: " + first);
    }

    @Test
    void packingStopsBeforeTheLineThatWouldPassTheResponseLimitAndSaysSo() {
        long tenLines = pack(Long.MAX_VALUE).lines().subList(0, 10).stream().mapToLong(l -> l.length).sum();
        EventPacker.Packed p = pack(tenLines);
        assertEquals(10, p.events());
        assertTrue(p.truncated());
        assertTrue(p.bytes() <= tenLines);
        EventPacker.Packed oneShort = pack(tenLines - 1);
        assertEquals(9, oneShort.events());
        assertTrue(oneShort.truncated());
    }

    @Test
    void oneEventIsPackedEvenWhenItAloneIsOverTheLimitSoThePeerMakesProgress() {
        EventPacker.Packed p = pack(0);
        assertEquals(1, p.events());
        assertTrue(p.truncated());
    }

    @Test
    void rangesHoldingNothingPackNothingAndAreNotTruncated() {
        EventPacker.Packed p = EventPacker.pack(store, GROUP, SELF, Map.of(ORIGIN, List.of(new SeqRange(10, 10),
                new SeqRange(60, 70))), 1000, 2);
        assertEquals(0, p.events());
        assertFalse(p.truncated());
    }
}
