package io.tapsrelay.relay.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

class RocksHandlesTest {
    @TempDir
    Path dir;

    @Test
    void theWriteStallPropertiesHoldTheKeysTheStoreReads() throws Exception {
        try (RocksHandles rocks = RocksHandles.open(dir)) {
            for (Column column : Column.values()) {
                Map<String, String> stalls = rocks.mapProperty(column, "rocksdb.cf-write-stall-stats");
                assertTrue(stalls.containsKey("total-delays") && stalls.containsKey("total-stops"), stalls.toString());
            }
            assertTrue(rocks.dbMapProperty("rocksdb.db-write-stall-stats")
                    .containsKey("write-buffer-manager-limit-stops"));
        }
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        RocksHandles rocks = RocksHandles.open(dir);
        rocks.close();
        rocks.close();
    }

    @Test
    void aSecondOpenOfTheSameDirectoryFailsOnTheLockAndReleasesWhatItCreated() throws Exception {
        try (RocksHandles first = RocksHandles.open(dir)) {
            RocksDBException e = assertThrows(RocksDBException.class, () -> RocksHandles.open(dir));
            assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("lock"), e.getMessage());
            first.db().put(new byte[] {1}, new byte[] {2});
        }
        // The lock was released by the first close; the failed open held nothing.
        try (RocksHandles again = RocksHandles.open(dir)) {
            assertArrayEquals(new byte[] {2}, again.db().get(new byte[] {1}));
        }
    }
}
