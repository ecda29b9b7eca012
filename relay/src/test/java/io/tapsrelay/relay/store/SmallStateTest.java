package io.tapsrelay.relay.store;

import static io.tapsrelay.relay.store.TestEvents.GROUP;
import static io.tapsrelay.relay.store.TestEvents.ORIGIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery cursors, cached peer keys and the metadata map. */
class SmallStateTest {
    private static final String PEER = "relay-b.example";

    @TempDir
    Path dir;

    private RocksEventStore store;

    @BeforeEach
    void open() {
        store = RocksEventStore.open(dir, true);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void savedCursorsAreVisibleAtOnce() {
        store.saveDeliveryCursors(PEER, GROUP, Map.of(ORIGIN, 7L, "relay-c.example", 2L));

        assertEquals(Map.of(ORIGIN, 7L, "relay-c.example", 2L), store.deliveryCursors(PEER, GROUP));
        assertEquals(Map.of(), store.deliveryCursors(PEER, "g!other"));
        assertEquals(Map.of(), store.deliveryCursors("relay-c.example", GROUP));
    }

    @Test
    void cursorsOnlyMoveForward() {
        store.saveDeliveryCursors(PEER, GROUP, Map.of(ORIGIN, 7L));
        store.saveDeliveryCursors(PEER, GROUP, Map.of(ORIGIN, 3L, "relay-c.example", 1L));

        assertEquals(Map.of(ORIGIN, 7L, "relay-c.example", 1L), store.deliveryCursors(PEER, GROUP));
    }

    @Test
    void cursorsRacingFromManyThreadsKeepTheHighestAcrossReopen() throws Exception {
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int offset = t;
            threads[t] = new Thread(() -> {
                for (long v = offset; v <= 400; v += threads.length) {
                    store.saveDeliveryCursors(PEER, GROUP, Map.of(ORIGIN, v));
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join(30_000);
        }

        assertEquals(Map.of(ORIGIN, 400L), store.deliveryCursors(PEER, GROUP));
        store.close();
        store = RocksEventStore.open(dir, true);
        assertEquals(Map.of(ORIGIN, 400L), store.deliveryCursors(PEER, GROUP));
    }

    @Test
    void aPeerKeyIsCachedAndReplaced() {
        byte[] first = new byte[32];
        byte[] second = new byte[32];
        second[31] = 1;
        store.savePeerKey(PEER, "ed25519:a1", first, 100);
        store.savePeerKey(PEER, "ed25519:a1", second, 200);

        CachedKey cached = store.peerKey(PEER, "ed25519:a1").orElseThrow();

        assertArrayEquals(second, cached.publicKey());
        assertEquals(200, cached.validUntilMillis());
        assertTrue(store.peerKey(PEER, "ed25519:a2").isEmpty());
        assertTrue(store.peerKey("relay-c.example", "ed25519:a1").isEmpty());
    }

    @Test
    void metaValuesAreReadBackAndListedByPrefixInKeyOrder() {
        store.putMeta("repair/2", TestEvents.utf8("b"));
        store.putMeta("repair/1", TestEvents.utf8("a"));
        store.putMeta("repairs", TestEvents.utf8("not under repair/"));
        store.putMeta("quarantine", TestEvents.utf8("q"));

        Map<String, byte[]> repairs = store.metaWithPrefix("repair/");

        assertEquals(List.of("repair/1", "repair/2"), List.copyOf(repairs.keySet()));
        assertArrayEquals(TestEvents.utf8("a"), repairs.get("repair/1"));
        assertEquals(4, store.metaWithPrefix("").size());
        assertArrayEquals(TestEvents.utf8("q"), store.getMeta("quarantine").orElseThrow());
        assertTrue(store.getMeta("absent").isEmpty());
    }

    @Test
    void aMetaValueChangedByTheCallerAfterPutIsNotChangedInTheStore() {
        byte[] value = TestEvents.utf8("x");
        store.putMeta("k", value);
        value[0] = 'y';

        assertArrayEquals(TestEvents.utf8("x"), store.getMeta("k").orElseThrow());
    }

    @Test
    void badNamesAreRejectedBeforeTouchingStorage() {
        assertThrows(IllegalArgumentException.class, () -> store.saveDeliveryCursors("Bad Peer", GROUP, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> store.saveDeliveryCursors(PEER, GROUP, Map.of("x\0y", 1L)));
        assertThrows(IllegalArgumentException.class, () -> store.saveDeliveryCursors(PEER, GROUP, Map.of(ORIGIN, -1L)));
        assertThrows(IllegalArgumentException.class, () -> store.savePeerKey(PEER, "rsa:k", new byte[32], 1));
        assertThrows(IllegalArgumentException.class, () -> store.putMeta("", new byte[0]));
    }
}
