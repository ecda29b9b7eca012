package io.tapsrelay.antientropy.internal;

import static io.tapsrelay.antientropy.internal.TestEvents.GROUP;
import static io.tapsrelay.antientropy.internal.TestEvents.ORIGIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.OriginView;
import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.relay.store.OriginState;
import io.tapsrelay.relay.store.RocksEventStore;
import io.tapsrelay.relay.store.StoredEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewsTest {
    private static final String OTHER = "relay-b.test";

    @TempDir
    Path dir;

    private RocksEventStore store;

    @BeforeEach
    void open() {
        store = RocksEventStore.open(dir, false);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void append(List<StoredEvent> events) throws Exception {
        store.append(events).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aViewListsEveryOriginWithItsDigestValuesAndTheHolesBelowItsMaxSeq() throws Exception {
        List<StoredEvent> events = new ArrayList<>(TestEvents.range(ORIGIN, 1, 12, 4, 5, 9));
        events.addAll(TestEvents.range(OTHER, 1, 3));
        append(events);
        List<OriginView> view = Views.of(store, GROUP, Map.of(), Map.of());
        assertEquals(2, view.size());
        OriginView a = view.get(0);
        OriginState s = store.originState(GROUP, ORIGIN);
        assertEquals(ORIGIN, a.originServer());
        assertEquals(12, a.maxSeq());
        assertEquals(3, a.contiguousSeq());
        assertEquals(9, a.count());
        assertEquals(s.prefixHash().hex(), a.prefixHash());
        assertEquals(List.of(new SeqRange(4, 5), new SeqRange(9, 9)), a.missing());
        assertEquals(List.of(), view.get(1).missing(), "an origin without holes lists none");
        assertEquals(List.of(), a.blockHashes(), "no block hashes unless the other side's chain differs");
    }

    @Test
    void extraRangesAreMergedIntoTheHolesInOrder() throws Exception {
        append(TestEvents.range(ORIGIN, 1, 20, 10));
        List<OriginView> view = Views.of(store, GROUP, Map.of(),
                Map.of(ORIGIN, List.of(new SeqRange(11, 14), new SeqRange(2, 3))));
        assertEquals(List.of(new SeqRange(2, 3), new SeqRange(10, 14)), view.get(0).missing());
    }

    @Test
    void blockHashesAreAddedWhereTheOtherSideHoldsTheSameContiguousSeqUnderAnotherPrefixHash() throws Exception {
        append(TestEvents.range(ORIGIN, 1, 2100));
        OriginState s = store.originState(GROUP, ORIGIN);
        OriginView differing = new OriginView(ORIGIN, 2100, 2100, 2100, Sha256.ZERO.hex(), List.of(), List.of());
        OriginView shorter = new OriginView(ORIGIN, 2100, 2000, 2099, Sha256.ZERO.hex(), List.of(), List.of());
        OriginView same = new OriginView(ORIGIN, 2100, 2100, 2100, s.prefixHash().hex(), List.of(), List.of());

        List<String> blocks = Views.of(store, GROUP, Map.of(ORIGIN, differing), Map.of()).get(0).blockHashes();
        assertEquals(store.blockHashes(GROUP, ORIGIN).stream().map(Sha256::hex).toList(), blocks);
        assertEquals(2, blocks.size(), "one chain value after 1024 and one after 2048");
        assertTrue(Views.of(store, GROUP, Map.of(ORIGIN, shorter), Map.of()).get(0).blockHashes().isEmpty());
        assertTrue(Views.of(store, GROUP, Map.of(ORIGIN, same), Map.of()).get(0).blockHashes().isEmpty());
    }

    @Test
    void theNumberOfListedRangesIsCappedOverAllOrigins() throws Exception {
        List<StoredEvent> everyOther = new ArrayList<>();
        for (long seq = 1; seq <= 2L * Views.MAX_MISSING_RANGES + 10; seq += 2) {
            everyOther.add(TestEvents.event(ORIGIN, seq, "v0"));
        }
        append(everyOther);
        List<OriginView> view = Views.of(store, GROUP, Map.of(), Map.of());
        assertEquals(Views.MAX_MISSING_RANGES, view.get(0).missing().size());
        assertEquals(new SeqRange(2, 2), view.get(0).missing().get(0), "the lowest holes are listed first");
    }
}
