package io.tapsrelay.relay.store;

import static io.tapsrelay.relay.store.TestEvents.GROUP;
import static io.tapsrelay.relay.store.TestEvents.ORIGIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {
    @TempDir
    Path dir;

    @Test
    void openingADirectoryThatIsAlreadyOpenFailsSayingAnotherRelayMayUseIt() {
        try (RocksEventStore first = RocksEventStore.open(dir, true)) {
            StoreException e = assertThrows(StoreException.class, () -> RocksEventStore.open(dir, true));

            assertTrue(e.getMessage().contains("another relay may be using it"), e.getMessage());
            assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
            // The failed open leaves the first store working.
            assertEquals(OriginState.empty(GROUP, ORIGIN), first.originState(GROUP, ORIGIN));
        }
    }

    @Test
    void aMissingDirectoryIsCreated() {
        Path nested = dir.resolve("a").resolve("b");
        try (RocksEventStore store = RocksEventStore.open(nested, false)) {
            assertTrue(store.groups().isEmpty());
        }
        assertTrue(nested.resolve("CURRENT").toFile().isFile());
    }

    @Test
    void closeIsIdempotent() {
        RocksEventStore store = RocksEventStore.open(dir, true);
        store.close();
        store.close();
    }

    @Test
    void appendsQueuedBeforeCloseAreCommittedByIt() throws Exception {
        RocksEventStore store = RocksEventStore.open(dir, true);
        List<CompletableFuture<List<AppendResult>>> futures = new ArrayList<>();
        for (long seq = 1; seq <= 50; seq++) {
            futures.add(store.append(List.of(TestEvents.event(seq))));
        }
        store.close();

        for (CompletableFuture<List<AppendResult>> f : futures) {
            assertEquals(AppendStatus.STORED, f.get(30, TimeUnit.SECONDS).get(0).status());
        }
        try (RocksEventStore reopened = RocksEventStore.open(dir, true)) {
            assertEquals(50, reopened.originState(GROUP, ORIGIN).contiguousSeq());
        }
    }

    @Test
    void everyCallAfterCloseFailsClearly() {
        RocksEventStore store = RocksEventStore.open(dir, true);
        store.close();

        ExecutionException append = assertThrows(ExecutionException.class,
                () -> store.append(List.of(TestEvents.event(1))).get(30, TimeUnit.SECONDS));
        assertInstanceOf(StoreException.class, append.getCause());
        assertTrue(append.getCause().getMessage().contains("store is closed"));
        assertThrows(StoreException.class, () -> store.findEventId(TestEvents.event(1).eventId()));
        assertThrows(StoreException.class, () -> store.read(GROUP, ORIGIN, 1, 2, 1, 1));
        assertThrows(StoreException.class, () -> store.originState(GROUP, ORIGIN));
        assertThrows(StoreException.class, () -> store.putMeta("k", new byte[1]));
        assertThrows(StoreException.class, store::stats);
    }

    @Test
    void closingFromAnAppendContinuationIsRefusedInsteadOfDeadlocking() throws Exception {
        GatedCommits gate = GatedCommits.holdingFirst();
        RocksEventStore store = RocksEventStore.open(dir, true, gate);
        try {
            CompletableFuture<List<AppendResult>> append = store.append(List.of(TestEvents.event(1)));
            gate.awaitFirstCommitEntered();
            // Attached while the commit is held, so it runs on the writer thread when the commit completes.
            CompletableFuture<Void> closedInside = append.thenAccept(r -> store.close());
            gate.releaseFirst();

            ExecutionException e = assertThrows(ExecutionException.class, () -> closedInside.get(30, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals(1, store.originState(GROUP, ORIGIN).count());
        } finally {
            store.close();
        }
    }
}
