package io.tapsrelay.antientropy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tapsrelay.antientropy.RepairResult;
import io.tapsrelay.relay.store.RocksEventStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepairHistoryTest {
    @TempDir
    Path dir;

    private static RepairResult result(long n) {
        return new RepairResult(1_000_000L + n, "peer.test", "g!x", RepairResult.Trigger.INTERVAL, n, 0, 0, 1, 10, 20, 5,
                n % 3 == 0 ? "down" : null, n % 3 != 0);
    }

    @Test
    void theLatestResultsSurviveAReopenNewestFirst() {
        try (RocksEventStore store = RocksEventStore.open(dir, false)) {
            RepairHistory h = RepairHistory.load(store);
            for (long n = 0; n < 5; n++) {
                h.add(result(n));
            }
        }
        try (RocksEventStore store = RocksEventStore.open(dir, false)) {
            assertEquals(List.of(result(4), result(3), result(2)), RepairHistory.load(store).latest(3));
        }
    }

    @Test
    void onlyTheLastCapacityResultsAreKeptAndNumberingGoesOnAfterAReopen() {
        int total = RepairHistory.CAPACITY + 37;
        try (RocksEventStore store = RocksEventStore.open(dir, false)) {
            RepairHistory h = RepairHistory.load(store);
            for (long n = 0; n < total; n++) {
                h.add(result(n));
            }
            assertEquals(RepairHistory.CAPACITY, h.latest(Integer.MAX_VALUE).size());
        }
        try (RocksEventStore store = RocksEventStore.open(dir, false)) {
            RepairHistory h = RepairHistory.load(store);
            List<RepairResult> all = h.latest(Integer.MAX_VALUE);
            assertEquals(RepairHistory.CAPACITY, all.size());
            assertEquals(result(total - 1), all.get(0));
            assertEquals(result(total - RepairHistory.CAPACITY), all.get(all.size() - 1));
            h.add(result(total));
            assertEquals(result(total), RepairHistory.load(store).latest(1).get(0));
        }
    }
}
