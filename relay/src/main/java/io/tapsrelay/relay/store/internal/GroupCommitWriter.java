package io.tapsrelay.relay.store.internal;

import io.tapsrelay.relay.store.AppendResult;
import io.tapsrelay.relay.store.StoreException;
import io.tapsrelay.relay.store.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongSupplier;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The store's single writer: one thread that takes everything queued since its last commit, stages
 * it into one {@link WriteBatch}, writes it once (fsynced when storage sync is on and the batch holds
 * events), publishes the new origin states and only then completes the callers' futures.
 *
 * <p>Many concurrent callers therefore share one fsync. A failed write fails every future of that
 * commit with a {@link StoreException} and the thread goes on serving later commits. The thread ends
 * only through {@link #stopAndJoin()}, after committing everything queued before the stop.
 */
public final class GroupCommitWriter {
    private sealed interface Op permits AppendOp, CursorOp, StopOp {}

    private record AppendOp(List<StoredEvent> events, CompletableFuture<List<AppendResult>> future) implements Op {}

    private record CursorOp(String peer, String groupId, Set<String> origins) implements Op {}

    private enum StopOp implements Op {
        INSTANCE
    }

    private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final RocksHandles rocks;
    private final DeliveryCursorCache cursors;
    private final StoreCounters counters;
    private final BatchCommitter committer;
    private final boolean sync;
    private final WriteCycle cycle;
    private final Thread thread;
    // Cursor writes of failed commits, retried with the next commit (the cache still holds their values).
    private final List<CursorOp> unwrittenCursors = new ArrayList<>();

    public GroupCommitWriter(
            RocksHandles rocks,
            OriginStateCache origins,
            DeliveryCursorCache cursors,
            StoreCounters counters,
            BatchCommitter committer,
            boolean sync,
            LongSupplier clock) {
        this.rocks = rocks;
        this.cursors = cursors;
        this.counters = counters;
        this.committer = committer;
        this.sync = sync;
        this.cycle = new WriteCycle(rocks, origins, clock);
        this.thread = new Thread(this::run, "taps-store-writer");
        // Unacknowledged work may be dropped at exit; nothing is acknowledged before its commit.
        this.thread.setDaemon(true);
    }

    /** Starts the writer thread. */
    public void start() {
        thread.start();
    }

    /** Queues events for the next commit; {@code future} completes after it. */
    public void submit(List<StoredEvent> events, CompletableFuture<List<AppendResult>> future) {
        queue.add(new AppendOp(events, future));
    }

    /** Queues the current cursors of {@code origins} to be written in the next commit. */
    public void submitCursors(String peer, String groupId, Set<String> origins) {
        queue.add(new CursorOp(peer, groupId, origins));
    }

    /** True when called on the writer thread (where blocking on the writer would deadlock). */
    public boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    /** Commits everything queued so far, then ends the thread and waits for it. Submit nothing after. */
    public void stopAndJoin() {
        queue.add(StopOp.INSTANCE);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Op> ops = new ArrayList<>();
        List<List<AppendResult>> results = new ArrayList<>();
        try (WriteBatch batch = new WriteBatch()) {
            boolean stop = false;
            while (!stop) {
                ops.add(take());
                queue.drainTo(ops);
                stop = commit(ops, batch, results);
                ops.clear();
                results.clear();
            }
        }
    }

    private Op take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only stopAndJoin() ends this thread, so that nothing queued is left without an answer.
            }
        }
    }

    /** One commit of {@code ops}; returns true when they included the stop. */
    private boolean commit(List<Op> ops, WriteBatch batch, List<List<AppendResult>> results) {
        boolean stop = false;
        boolean holdsEvents = false;
        try {
            for (CursorOp retry : unwrittenCursors) {
                stageCursors(batch, retry);
            }
            for (Op op : ops) {
                if (op instanceof AppendOp append) {
                    results.add(cycle.stage(batch, append.events()));
                    holdsEvents = true;
                } else if (op instanceof CursorOp cursorOp) {
                    stageCursors(batch, cursorOp);
                } else {
                    stop = true;
                }
            }
            cycle.finish(batch);
            if (batch.count() > 0) {
                // Cursor-only commits ride on the write-ahead log; the next synced commit syncs them.
                boolean synced = sync && holdsEvents;
                committer.commit(batch, synced);
                counters.wrote(synced);
            }
            cycle.publish();
            counters.addEquivocations(cycle.newEquivocations());
            unwrittenCursors.clear();
            complete(ops, results);
        } catch (Throwable t) {
            for (Op op : ops) {
                if (op instanceof CursorOp cursorOp) {
                    unwrittenCursors.add(cursorOp);
                }
            }
            fail(ops, t);
        } finally {
            batch.clear();
            cycle.reset();
        }
        return stop;
    }

    private void stageCursors(WriteBatch batch, CursorOp op) throws RocksDBException {
        for (String origin : op.origins()) {
            // The cache only moves forward, so writing its value now never writes an older cursor.
            long value = cursors.current(op.peer(), op.groupId(), origin);
            batch.put(rocks.handle(Column.CURSORS), Keys.names(op.peer(), op.groupId(), origin),
                    Values.longValue(value));
        }
    }

    private static void complete(List<Op> ops, List<List<AppendResult>> results) {
        int next = 0;
        for (Op op : ops) {
            if (op instanceof AppendOp append) {
                append.future().complete(List.copyOf(results.get(next++)));
            }
        }
    }

    private static void fail(List<Op> ops, Throwable cause) {
        for (Op op : ops) {
            if (op instanceof AppendOp append) {
                append.future().completeExceptionally(
                        new StoreException("append of " + append.events().size() + " events", cause));
            }
        }
    }
}
