package io.tapsrelay.relay.store;

import static io.tapsrelay.relay.store.TestEvents.GROUP;
import static io.tapsrelay.relay.store.TestEvents.ORIGIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tapsrelay.frames.crypto.PrefixChain;
import io.tapsrelay.frames.crypto.Sha256;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginStateTest {
    private static final long SEED = 0x7A95_2026L;

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

    private void appendAll(List<StoredEvent> events) throws Exception {
        store.append(events).get(30, TimeUnit.SECONDS);
    }

    private static OriginState expected(long maxSeq, long contiguous, long count) {
        return new OriginState(GROUP, ORIGIN, maxSeq, contiguous, count,
                TestEvents.chain(TestEvents.range(GROUP, ORIGIN, 1, contiguous)));
    }

    @Test
    void anUnknownOriginHasTheZeroState() {
        assertEquals(OriginState.empty(GROUP, ORIGIN), store.originState(GROUP, ORIGIN));
        assertEquals(Sha256.ZERO, store.originState(GROUP, ORIGIN).prefixHash());
        assertEquals(1, store.nextOriginSeq(GROUP, ORIGIN));
    }

    @Test
    void eventsInOrderGiveTheChainComputedDirectly() throws Exception {
        appendAll(TestEvents.range(GROUP, ORIGIN, 1, 50));

        assertEquals(expected(50, 50, 50), store.originState(GROUP, ORIGIN));
        assertEquals(51, store.nextOriginSeq(GROUP, ORIGIN));
    }

    @Test
    void aGapHoldsTheContiguousRunAndFillingItCatchesUpOverStoredEvents() throws Exception {
        List<StoredEvent> all = TestEvents.range(GROUP, ORIGIN, 1, 40);
        List<StoredEvent> withoutSeven = new ArrayList<>(all);
        withoutSeven.remove(6);
        appendAll(withoutSeven);

        assertEquals(expected(40, 6, 39), store.originState(GROUP, ORIGIN));

        appendAll(List.of(all.get(6)));

        assertEquals(expected(40, 40, 40), store.originState(GROUP, ORIGIN));
    }

    @Test
    void eventsArrivingInRandomOrderAcrossBatchesGiveTheDirectChainAtEveryStep() throws Exception {
        Random random = new Random(SEED);
        List<StoredEvent> shuffled = new ArrayList<>(TestEvents.range(GROUP, ORIGIN, 1, 300));
        Collections.shuffle(shuffled, random);
        boolean[] held = new boolean[301];
        long max = 0;
        int at = 0;
        while (at < shuffled.size()) {
            int size = 1 + random.nextInt(25);
            List<StoredEvent> batch = shuffled.subList(at, Math.min(shuffled.size(), at + size));
            appendAll(batch);
            for (StoredEvent e : batch) {
                held[(int) e.originSeq()] = true;
                max = Math.max(max, e.originSeq());
            }
            at += batch.size();
            long contiguous = 0;
            while (contiguous < 300 && held[(int) contiguous + 1]) {
                contiguous++;
            }
            assertEquals(expected(max, contiguous, at), store.originState(GROUP, ORIGIN), "seed " + SEED + ", after " + at);
        }
    }

    @Test
    void blockHashesAreTheChainAfterEvery1024thSequenceUpToTheContiguousRun() throws Exception {
        List<StoredEvent> all = TestEvents.range(GROUP, ORIGIN, 1, 3000);
        // 2100 is missing at first, so only the block ending at 1024 and 2048 can be complete.
        List<StoredEvent> shuffled = new ArrayList<>(all);
        shuffled.remove(2099);
        Collections.shuffle(shuffled, new Random(SEED));
        for (int at = 0; at < shuffled.size(); at += 200) {
            appendAll(shuffled.subList(at, Math.min(shuffled.size(), at + 200)));
        }
        Sha256 after1024 = TestEvents.chain(all.subList(0, PrefixChain.BLOCK_SIZE));
        Sha256 after2048 = TestEvents.chain(all.subList(0, 2 * PrefixChain.BLOCK_SIZE));

        assertEquals(List.of(after1024, after2048), store.blockHashes(GROUP, ORIGIN), "seed " + SEED);
        assertEquals(2099, store.originState(GROUP, ORIGIN).contiguousSeq());

        appendAll(all.subList(2099, 2100));

        assertEquals(expected(3000, 3000, 3000), store.originState(GROUP, ORIGIN));
        assertEquals(List.of(after1024, after2048), store.blockHashes(GROUP, ORIGIN));
    }

    @Test
    void aBlockBeyondTheContiguousRunIsNotReported() throws Exception {
        List<StoredEvent> all = TestEvents.range(GROUP, ORIGIN, 1, 1100);
        appendAll(all.subList(1, 1100));

        assertEquals(List.of(), store.blockHashes(GROUP, ORIGIN));

        appendAll(all.subList(0, 1));

        assertEquals(List.of(TestEvents.chain(all.subList(0, 1024))), store.blockHashes(GROUP, ORIGIN));
    }

    @Test
    void originsAndGroupsAreListedSorted() throws Exception {
        appendAll(List.of(
                TestEvents.event("g!zeta", "relay-c.example", 1),
                TestEvents.event(GROUP, "relay-c.example", 1),
                TestEvents.event(GROUP, "relay-a.example", 1),
                TestEvents.event(GROUP, "127.0.0.1:8448", 1),
                TestEvents.event("g!alpha", "relay-b.example", 1)));

        assertEquals(List.of("g!alpha", GROUP, "g!zeta"), store.groups());
        assertEquals(List.of("127.0.0.1:8448", "relay-a.example", "relay-c.example"),
                store.originStates(GROUP).stream().map(OriginState::originServer).toList());
        assertEquals(List.of(), store.originStates("g!unknown"));
    }

    @Test
    void originsWhoseNamesShareAPrefixKeepSeparateStates() throws Exception {
        appendAll(List.of(TestEvents.event(GROUP, "relay-a", 1), TestEvents.event(GROUP, "relay-ab", 2)));

        assertEquals(1, store.originState(GROUP, "relay-a").contiguousSeq());
        assertEquals(0, store.originState(GROUP, "relay-ab").contiguousSeq());
        assertEquals(2, store.originState(GROUP, "relay-ab").maxSeq());
    }
}
