package io.tapsrelay.relay.store.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * Owns every native RocksDB object of one open store: block cache, bloom filter, database and column
 * family options, the database, its column family handles, and the read and write options.
 *
 * <p>Objects are created in that order and {@link #close()} releases them in exactly the reverse
 * order: write and read options, column family handles (RocksDB requires them gone before the
 * database), the database, column family options, database options, bloom filter, block cache. A
 * failed open releases what it had created the same way. Not thread-safe to close while in use; the
 * store guarantees no reader or writer is inside when it calls {@link #close()}.
 */
public final class RocksHandles implements AutoCloseable {
    private static final long BLOCK_CACHE_BYTES = 32L << 20;
    private static final int BLOOM_BITS_PER_KEY = 10;
    private static final long EVENTS_WRITE_BUFFER = 64L << 20;
    private static final long IDS_WRITE_BUFFER = 32L << 20;
    private static final long SMALL_WRITE_BUFFER = 4L << 20;
    // Caps the WAL so column families written rarely (cursors, meta) are flushed and old WAL files go.
    private static final long MAX_TOTAL_WAL = 128L << 20;

    static {
        RocksDB.loadLibrary();
    }

    private final List<AutoCloseable> owned = new ArrayList<>();
    private final Map<Column, ColumnFamilyHandle> handles = new EnumMap<>(Column.class);
    private final RocksDB db;
    private final ReadOptions reads;
    private final WriteOptions syncedWrites;
    private final WriteOptions plainWrites;
    private boolean closed;

    private RocksHandles(Path dir) throws RocksDBException {
        try {
            LRUCache cache = own(new LRUCache(BLOCK_CACHE_BYTES));
            BloomFilter bloom = own(new BloomFilter(BLOOM_BITS_PER_KEY));
            DBOptions dbOptions = own(new DBOptions()
                    .setCreateIfMissing(true)
                    .setCreateMissingColumnFamilies(true)
                    .setMaxBackgroundJobs(2)
                    .setBytesPerSync(1L << 20)
                    .setMaxTotalWalSize(MAX_TOTAL_WAL)
                    .setKeepLogFileNum(4));
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (Column column : Column.values()) {
                ColumnFamilyOptions options = own(columnOptions(column, cache, bloom));
                descriptors.add(new ColumnFamilyDescriptor(column.familyName(), options));
            }
            List<ColumnFamilyHandle> opened = new ArrayList<>();
            db = own(RocksDB.open(dbOptions, dir.toString(), descriptors, opened));
            for (int i = 0; i < opened.size(); i++) {
                handles.put(Column.values()[i], own(opened.get(i)));
            }
            reads = own(new ReadOptions());
            // The write-ahead log stays on in both modes: RocksDB is the relay's source of truth.
            syncedWrites = own(new WriteOptions().setDisableWAL(false).setSync(true));
            plainWrites = own(new WriteOptions().setDisableWAL(false).setSync(false));
        } catch (RocksDBException | RuntimeException e) {
            try {
                close();
            } catch (RocksDBException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Opens (creating when missing) the database in {@code dir} with every {@link Column}. */
    public static RocksHandles open(Path dir) throws RocksDBException {
        return new RocksHandles(dir);
    }

    private static ColumnFamilyOptions columnOptions(Column column, LRUCache cache, BloomFilter bloom) {
        BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache);
        ColumnFamilyOptions options = new ColumnFamilyOptions().setLevelCompactionDynamicLevelBytes(true);
        switch (column) {
            case EVENTS -> {
                // Point lookups check whether a sequence slot is taken; the filter answers most of them.
                // Values are records around base64 ciphertext: LZ4 (no entropy coding) left 557,000
                // stored events at ~740 bytes each, no smaller than written, while every flush and
                // compaction paid to compress them. Files written compressed before stay readable.
                table.setFilterPolicy(bloom);
                options.setWriteBufferSize(EVENTS_WRITE_BUFFER).setCompressionType(CompressionType.NO_COMPRESSION);
            }
            case EVENT_IDS -> {
                // Every incoming event probes this index, and almost all probes miss: filter on disk
                // and in the memtable. Keys and hashes are random, so compression would not pay.
                table.setFilterPolicy(bloom);
                options.setWriteBufferSize(IDS_WRITE_BUFFER)
                        .setCompressionType(CompressionType.NO_COMPRESSION)
                        .setMemtablePrefixBloomSizeRatio(0.1)
                        .setMemtableWholeKeyFiltering(true);
            }
            default -> options.setWriteBufferSize(SMALL_WRITE_BUFFER)
                    .setCompressionType(CompressionType.LZ4_COMPRESSION);
        }
        return options.setTableFormatConfig(table);
    }

    private <T extends AutoCloseable> T own(T resource) {
        owned.add(resource);
        return resource;
    }

    /** The database. */
    public RocksDB db() {
        return db;
    }

    /** The handle of {@code column}. */
    public ColumnFamilyHandle handle(Column column) {
        return handles.get(column);
    }

    /** Default read options; shared, never modified. */
    public ReadOptions reads() {
        return reads;
    }

    /** Write options that fsync the write-ahead log ({@code sync}) or leave it to the OS. */
    public WriteOptions writes(boolean sync) {
        return sync ? syncedWrites : plainWrites;
    }

    /** A numeric property summed over every column family. */
    public long aggregatedLongProperty(String property) throws RocksDBException {
        return db.getAggregatedLongProperty(property);
    }

    /** A map property of the whole database. */
    public Map<String, String> dbMapProperty(String property) throws RocksDBException {
        return db.getMapProperty(property);
    }

    /** A map property of one column family. */
    public Map<String, String> mapProperty(Column column, String property) throws RocksDBException {
        return db.getMapProperty(handle(column), property);
    }

    /**
     * Releases every native object in reverse creation order (see the class comment). Idempotent. The
     * database is closed with {@link RocksDB#closeE()} so a failure to close is reported, after
     * everything else was still released.
     */
    @Override
    public void close() throws RocksDBException {
        if (closed) {
            return;
        }
        closed = true;
        RocksDBException failure = null;
        for (int i = owned.size() - 1; i >= 0; i--) {
            AutoCloseable resource = owned.get(i);
            try {
                if (resource instanceof RocksDB database) {
                    database.closeE();
                } else {
                    resource.close();
                }
            } catch (RocksDBException e) {
                if (failure == null) {
                    failure = e;
                }
            } catch (Exception e) {
                // Options, handles, filters and caches only free memory; their close() declares no failure.
                throw new IllegalStateException("closing " + resource.getClass().getSimpleName(), e);
            }
        }
        owned.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
