package io.tapsrelay.relay.store.internal;

import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/** Writes one commit's batch; the seam where tests observe or fail commits. */
@FunctionalInterface
public interface BatchCommitter {
    /** Writes {@code batch} atomically, fsyncing the write-ahead log before returning when {@code sync}. */
    void commit(WriteBatch batch, boolean sync) throws RocksDBException;

    /** The committer that writes to {@code rocks}' database. */
    static BatchCommitter of(RocksHandles rocks) {
        return (batch, sync) -> rocks.db().write(rocks.writes(sync), batch);
    }
}
