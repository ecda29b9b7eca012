package io.tapsrelay.relay.store.internal;

import java.util.concurrent.atomic.AtomicLong;

/** Counters for {@code StoreStats} that RocksDB does not keep for us. Thread-safe. */
public final class StoreCounters {
    private final AtomicLong writeBatches = new AtomicLong();
    private final AtomicLong syncs = new AtomicLong();
    private final AtomicLong equivocations = new AtomicLong();

    /** Counts one write to the database, synced or not. */
    public void wrote(boolean synced) {
        writeBatches.incrementAndGet();
        if (synced) {
            syncs.incrementAndGet();
        }
    }

    /** Adds newly kept equivocation records. */
    public void addEquivocations(long added) {
        equivocations.addAndGet(added);
    }

    public long writeBatches() {
        return writeBatches.get();
    }

    public long syncs() {
        return syncs.get();
    }

    public long equivocations() {
        return equivocations.get();
    }
}
