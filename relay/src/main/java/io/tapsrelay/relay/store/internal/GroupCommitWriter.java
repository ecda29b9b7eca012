package io.tapsrelay.relay.store.internal;

import io.tapsrelay.relay.store.AppendResult;
import io.tapsrelay.relay.store.StoreException;
import io.tapsrelay.relay.store.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>Delivery cursors do not wake the writer: they ride along with the next commit, or are written
 * on their own once they have waited {@link #CURSOR_FLUSH}. A cursor is a position in the log,
 * not data, and is never fsynced by itself; moving one per stored batch would otherwise cost a
 * second write and a thread wake-up for every batch a peer sends.
 */
public final class GroupCommitWriter {
    /** How long a moved cursor may wait for a commit to ride with before it is written alone. */
    public static final Duration CURSOR_FLUSH = Duration.ofMillis(50);

    private sealed interface Op permits AppendOp, StopOp {}

    private record AppendOp(List<StoredEvent> events, CompletableFuture<List<AppendResult>> future) implements Op {}

    private record CursorOp(String peer, String groupId, Set<String> origins) {}

    private enum StopOp implements Op {
        INSTANCE
    }

    private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final Queue<CursorOp> movedCursors = new ConcurrentLinkedQueue<>();
    private final RocksHandles rocks;
    private final DeliveryCursorCache cursors;
    private final StoreCounters counters;
    private final BatchCommitter committer;
    private final boolean sync;
    private final long cursorFlushNanos;
    private final WriteCycle cycle;
    private final Thread thread;
    // Cursors to write in this commit, and those of failed commits, retried with the next one (the cache
    // still holds their values).
    private final List<CursorOp> unwrittenCursors = new ArrayList<>();

    public GroupCommitWriter(
            RocksHandles rocks,
            OriginStateCache origins,
            DeliveryCursorCache cursors,
            StoreCounters counters,
            BatchCommitter committer,
            boolean sync,
            LongSupplier clock,
            Duration cursorFlush) {
        this.cursorFlushNanos = cursorFlush.toNanos();
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

    /**
     * Queues the current cursors of {@code origins} to be written with the next commit, or alone
     * within the cursor flush period when no commit comes.
     */
    public void submitCursors(String peer, String groupId, Set<String> origins) {
        movedCursors.add(new CursorOp(peer, groupId, origins));
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
                Op first = next();
                if (first != null) {
                    ops.add(first);
                    queue.drainTo(ops);
                }
                stop = commit(ops, batch, results);
                ops.clear();
                results.clear();
            }
        }
    }

    /**
     * The next queued op, or null when moved cursors waited a whole cursor flush period with
     * nothing to ride along with.
     */
    private Op next() {
        while (true) {
            try {
                Op op = queue.poll(cursorFlushNanos, TimeUnit.NANOSECONDS);
                if (op != null || !movedCursors.isEmpty()) {
                    return op;
                }
            } catch (InterruptedException e) {
                // Only stopAndJoin() ends this thread, so that nothing queued is left without an answer.
            }
        }
    }

    /** One commit of {@code ops}; returns true when they included the stop. */
    private boolean commit(List<Op> ops, WriteBatch batch, List<List<AppendResult>> results) {
        boolean stop = false;
        boolean holdsEvents = false;
        // Taken before staging: a cursor moved after this is written by a later commit.
        for (CursorOp moved = movedCursors.poll(); moved != null; moved = movedCursors.poll()) {
            unwrittenCursors.add(moved);
        }
        try {
            for (CursorOp cursorOp : unwrittenCursors) {
                stageCursors(batch, cursorOp);
            }
            for (Op op : ops) {
                if (op instanceof AppendOp append) {
                    results.add(cycle.stage(batch, append.events()));
                    holdsEvents = true;
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
            // Written: a failed commit keeps them, to be staged again with the next one.
            unwrittenCursors.clear();
            complete(ops, results);
        } catch (Throwable t) {
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
