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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

class GroupCommitTest {
    private static final int THREADS = 8;
    private static final int BATCHES_PER_THREAD = 5;

    @TempDir
    Path dir;

    private RocksEventStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void batchesQueuedByConcurrentCallersShareOneSyncedWrite() throws Exception {
        GatedCommits gate = GatedCommits.holdingFirst();
        store = RocksEventStore.open(dir, true, gate);
        CompletableFuture<List<AppendResult>> first = store.append(List.of(TestEvents.event(GROUP, "relay-z.example", 1)));
        gate.awaitFirstCommitEntered();

        // While the first commit is held, eight threads queue forty batches.
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<CompletableFuture<List<AppendResult>>>>> submitted = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                String origin = "relay-" + t + ".example";
                submitted.add(pool.submit(() -> {
                    List<CompletableFuture<List<AppendResult>>> futures = new ArrayList<>();
                    for (int b = 0; b < BATCHES_PER_THREAD; b++) {
                        futures.add(store.append(TestEvents.range(GROUP, origin, 3L * b + 1, 3L * b + 3)));
                    }
                    return futures;
                }));
            }
            List<CompletableFuture<List<AppendResult>>> futures = new ArrayList<>();
            for (Future<List<CompletableFuture<List<AppendResult>>>> f : submitted) {
                futures.addAll(f.get(30, TimeUnit.SECONDS));
            }
            gate.releaseFirst();

            first.get(30, TimeUnit.SECONDS);
            for (CompletableFuture<List<AppendResult>> f : futures) {
                f.get(30, TimeUnit.SECONDS).forEach(r -> assertEquals(AppendStatus.STORED, r.status()));
            }
        } finally {
            pool.shutdownNow();
        }

        StoreStats stats = store.stats();
        assertEquals(2, stats.syncs(), "one sync for the held batch, one for the forty queued behind it");
        assertEquals(2, stats.writeBatches());
        assertEquals(1 + THREADS * BATCHES_PER_THREAD * 3, stats.events());
        for (int t = 0; t < THREADS; t++) {
            assertEquals(15, store.originState(GROUP, "relay-" + t + ".example").contiguousSeq());
        }
    }

    @Test
    void statsCountEventsGroupsAndStorage() throws Exception {
        store = RocksEventStore.open(dir, true);
        store.append(TestEvents.range(GROUP, ORIGIN, 1, 30)).get(30, TimeUnit.SECONDS);
        store.append(List.of(TestEvents.event("g!other", ORIGIN, 1))).get(30, TimeUnit.SECONDS);
        store.putMeta("k", new byte[1]);

        StoreStats stats = store.stats();

        assertEquals(31, stats.events());
        assertEquals(2, stats.groups());
        assertEquals(3, stats.writeBatches());
        assertEquals(3, stats.syncs());
        assertTrue(stats.approximateSizeBytes() > 0, stats.toString());
        assertEquals(0, stats.writeStalls());
    }

    @Test
    void withSyncOffWritesAreNotSynced() throws Exception {
        store = RocksEventStore.open(dir, false);

        store.append(List.of(TestEvents.event(1))).get(30, TimeUnit.SECONDS);

        assertEquals(1, store.stats().writeBatches());
        assertEquals(0, store.stats().syncs());
    }

    @Test
    void savingCursorsAddsNoSyncOfItsOwn() throws Exception {
        GatedCommits commits = GatedCommits.passing();
        store = RocksEventStore.open(dir, true, commits);

        store.saveDeliveryCursors("relay-b.example", GROUP, Map.of(ORIGIN, 4L));
        Conditions.await("the cursor commit", () -> commits.commits() == 1);

        assertEquals(1, store.stats().writeBatches());
        assertEquals(0, store.stats().syncs());

        store.append(List.of(TestEvents.event(1))).get(30, TimeUnit.SECONDS);

        assertEquals(2, store.stats().writeBatches());
        assertEquals(1, store.stats().syncs());
    }

    @Test
    void aMovedCursorWaitsForTheNextEventCommitInsteadOfAWriteOfItsOwn() throws Exception {
        GatedCommits commits = GatedCommits.passing();
        // A flush period far longer than the test: only an event commit can carry the cursor.
        store = RocksEventStore.open(dir, true, commits, java.time.Duration.ofHours(1));

        store.saveDeliveryCursors("relay-b.example", GROUP, Map.of(ORIGIN, 4L));
        store.append(List.of(TestEvents.event(1))).get(30, TimeUnit.SECONDS);

        assertEquals(1, commits.commits(), "the cursor went with the event's commit");
        store.close();
        store = RocksEventStore.open(dir, true);
        assertEquals(Map.of(ORIGIN, 4L), store.deliveryCursors("relay-b.example", GROUP));
    }

    @Test
    void aFailedWriteFailsItsCallersAndTheWriterServesTheNextCommit() throws Exception {
        GatedCommits commits = GatedCommits.passing();
        store = RocksEventStore.open(dir, true, commits);
        commits.failNextCommit();

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> store.append(List.of(TestEvents.event(1), TestEvents.event(2))).get(30, TimeUnit.SECONDS));

        StoreException wrapped = assertInstanceOf(StoreException.class, failure.getCause());
        assertTrue(wrapped.getMessage().startsWith("append of 2 events failed"), wrapped.getMessage());
        assertInstanceOf(RocksDBException.class, wrapped.getCause());
        assertEquals(OriginState.empty(GROUP, ORIGIN), store.originState(GROUP, ORIGIN));
        assertTrue(store.findEventId(TestEvents.event(1).eventId()).isEmpty());

        List<AppendResult> retried = store.append(List.of(TestEvents.event(1), TestEvents.event(2)))
                .get(30, TimeUnit.SECONDS);

        assertEquals(List.of(AppendStatus.STORED, AppendStatus.STORED), retried.stream().map(AppendResult::status).toList());
        assertEquals(2, store.originState(GROUP, ORIGIN).contiguousSeq());
    }
}
