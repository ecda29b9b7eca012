package io.tapsrelay.relay.store.internal;

import io.tapsrelay.relay.store.StoreStats;
import java.util.Map;
import org.rocksdb.RocksDBException;

/** Builds {@link StoreStats} from the store's own counters and RocksDB's properties. */
public final class StoreStatistics {
    private final RocksHandles rocks;
    private final OriginStateCache origins;
    private final StoreCounters counters;

    public StoreStatistics(RocksHandles rocks, OriginStateCache origins, StoreCounters counters) {
        this.rocks = rocks;
        this.origins = origins;
        this.counters = counters;
    }

    /** A snapshot; O(origins) plus a few property reads. */
    public StoreStats snapshot() throws RocksDBException {
        return new StoreStats(
                origins.totalEvents(),
                origins.groupCount(),
                rocks.aggregatedLongProperty("rocksdb.total-sst-files-size")
                        + rocks.aggregatedLongProperty("rocksdb.cur-size-all-mem-tables"),
                counters.writeBatches(),
                counters.syncs(),
                rocks.aggregatedLongProperty("rocksdb.estimate-pending-compaction-bytes"),
                writeStalls());
    }

    // RocksDB counts delayed and stopped writes per column family, and stops for the shared write
    // buffer limit per database, since open.
    private long writeStalls() throws RocksDBException {
        long stalls = 0;
        for (Column column : Column.values()) {
            Map<String, String> cfStalls = rocks.mapProperty(column, "rocksdb.cf-write-stall-stats");
            stalls += count(cfStalls.get("total-delays"));
            stalls += count(cfStalls.get("total-stops"));
        }
        return stalls + count(rocks.dbMapProperty("rocksdb.db-write-stall-stats").get("write-buffer-manager-limit-stops"));
    }

    private static long count(String value) {
        // Map properties print numbers as text, some with a fraction ("0.000000").
        return value == null ? 0 : (long) Double.parseDouble(value);
    }
}
