package io.tapsrelay.relay.store;

import io.tapsrelay.relay.store.internal.BatchCommitter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.rocksdb.RocksDBException;

/**
 * Wraps the store's commit path for tests: can hold the first commit until released (so that work
 * queued meanwhile lands in one later commit) and can fail the next commit like a broken disk.
 */
final class GatedCommits implements UnaryOperator<BatchCommitter> {
    private static final long DEADLINE_SECONDS = 30;

    private final boolean holdFirst;
    private final CountDownLatch firstEntered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicBoolean failNext = new AtomicBoolean();

    private GatedCommits(boolean holdFirst) {
        this.holdFirst = holdFirst;
    }

    static GatedCommits holdingFirst() {
        return new GatedCommits(true);
    }

    static GatedCommits passing() {
        return new GatedCommits(false);
    }

    @Override
    public BatchCommitter apply(BatchCommitter inner) {
        return (batch, sync) -> {
            int n = commits.incrementAndGet();
            if (holdFirst && n == 1) {
                firstEntered.countDown();
                try {
                    if (!release.await(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                        throw new RocksDBException("test never released the first commit");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RocksDBException("interrupted");
                }
            }
            if (failNext.getAndSet(false)) {
                throw new RocksDBException("injected write failure");
            }
            inner.commit(batch, sync);
        };
    }

    void awaitFirstCommitEntered() throws InterruptedException {
        if (!firstEntered.await(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the writer never reached its first commit");
        }
    }

    void releaseFirst() {
        release.countDown();
    }

    void failNextCommit() {
        failNext.set(true);
    }

    int commits() {
        return commits.get();
    }
}
