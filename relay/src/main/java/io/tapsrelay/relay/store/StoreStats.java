package io.tapsrelay.relay.store;

/**
 * A snapshot of the store's counters, for metrics.
 *
 * @param events events held, over all groups and origins
 * @param groups groups with at least one origin state
 * @param approximateSizeBytes RocksDB's estimate of SST files plus memtables
 * @param writeBatches write batches committed since open
 * @param syncs of those, and of metadata and key writes, the ones written with fsync
 * @param pendingCompactionBytes RocksDB's estimate of bytes compaction still has to rewrite
 * @param writeStalls writes RocksDB delayed or stopped since open, over every column family (from its
 *     {@code rocksdb.cf-write-stall-stats} and {@code rocksdb.db-write-stall-stats} properties)
 */
public record StoreStats(
        long events,
        long groups,
        long approximateSizeBytes,
        long writeBatches,
        long syncs,
        long pendingCompactionBytes,
        long writeStalls) {}
