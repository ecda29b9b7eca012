package io.tapsrelay.relay.store;

import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.frames.validate.Ids;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.store.internal.Args;
import io.tapsrelay.relay.store.internal.BatchCommitter;
import io.tapsrelay.relay.store.internal.Column;
import io.tapsrelay.relay.store.internal.DeliveryCursorCache;
import io.tapsrelay.relay.store.internal.GroupCommitWriter;
import io.tapsrelay.relay.store.internal.Keys;
import io.tapsrelay.relay.store.internal.OriginStateCache;
import io.tapsrelay.relay.store.internal.RocksHandles;
import io.tapsrelay.relay.store.internal.StoreCounters;
import io.tapsrelay.relay.store.internal.StoreLoader;
import io.tapsrelay.relay.store.internal.StoreQueries;
import io.tapsrelay.relay.store.internal.StoreStatistics;
import io.tapsrelay.relay.store.internal.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;

/**
 * The {@link EventStore} on a local RocksDB directory.
 *
 * <p>Holds RocksDB's exclusive lock on the directory for as long as it is open. Events are written by
 * one group-commit writer thread; reads go straight to RocksDB or to the in-memory state loaded at
 * open. A read-write lock guards only the native handles against {@link #close()}: readers share it,
 * the writer never takes it, and no fsync happens while it is held exclusively.
 */
public final class RocksEventStore implements EventStore {
    private final Path dir;
    private final boolean sync;
    private final RocksHandles rocks;
    private final StoreQueries queries;
    private final OriginStateCache origins;
    private final DeliveryCursorCache cursors;
    private final StoreCounters counters;
    private final StoreStatistics statistics;
    private final GroupCommitWriter writer;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private RocksEventStore(Path dir, boolean sync, RocksHandles rocks, UnaryOperator<BatchCommitter> commits,
            Duration cursorFlush)
            throws RocksDBException {
        this.dir = dir;
        this.sync = sync;
        this.rocks = rocks;
        this.queries = new StoreQueries(rocks);
        this.origins = new OriginStateCache();
        this.cursors = new DeliveryCursorCache();
        this.counters = new StoreCounters();
        this.statistics = new StoreStatistics(rocks, origins, counters);
        StoreLoader.checkFormat(rocks);
        StoreLoader.loadOrigins(rocks, origins);
        StoreLoader.loadCursors(rocks, cursors);
        counters.addEquivocations(StoreLoader.countEquivocations(rocks));
        this.writer = new GroupCommitWriter(rocks, origins, cursors, counters,
                commits.apply(BatchCommitter.of(rocks)), sync, System::currentTimeMillis, cursorFlush);
        writer.start();
    }

    /**
     * Opens the store in {@code dir}, creating the directory and the database when missing, and loads
     * the in-memory state.
     *
     * @param sync storage sync: when true a completed {@link #append} has been fsynced; when false
     *     writes reach the OS but are not fsynced (they survive a process crash, not a machine crash)
     * @throws StoreException when the directory cannot be created, is locked by another open store
     *     (in this or another process), or RocksDB cannot open it
     */
    public static RocksEventStore open(Path dir, boolean sync) {
        return open(dir, sync, UnaryOperator.identity());
    }

    /** {@link #open(Path, boolean)} with the commit path wrapped by {@code commits}: a test seam. */
    static RocksEventStore open(Path dir, boolean sync, UnaryOperator<BatchCommitter> commits) {
        return open(dir, sync, commits, GroupCommitWriter.CURSOR_FLUSH);
    }

    /** {@link #open(Path, boolean)} with the commit path wrapped and moved cursors written alone after {@code cursorFlush}. */
    static RocksEventStore open(Path dir, boolean sync, UnaryOperator<BatchCommitter> commits, Duration cursorFlush) {
        String operation = "open store in " + dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException(operation, e);
        }
        RocksHandles rocks;
        try {
            rocks = RocksHandles.open(dir);
        } catch (RocksDBException e) {
            if (isLockFailure(e)) {
                throw new StoreException(operation, "the directory is locked; another relay may be using it", e);
            }
            throw new StoreException(operation, e);
        }
        try {
            return new RocksEventStore(dir, sync, rocks, commits, cursorFlush);
        } catch (RocksDBException | RuntimeException e) {
            try {
                rocks.close();
            } catch (RocksDBException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof StoreException se ? se : new StoreException(operation, e);
        }
    }

    private static boolean isLockFailure(RocksDBException e) {
        Status status = e.getStatus();
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return (status == null || status.getCode() == Status.Code.IOError) && message.contains("lock");
    }

    @Override
    public CompletableFuture<List<AppendResult>> append(List<StoredEvent> events) {
        List<StoredEvent> copy = List.copyOf(events);
        if (copy.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<List<AppendResult>> future = new CompletableFuture<>();
        lifecycle.readLock().lock();
        try {
            // Checked under the lock so nothing is queued after close() queued the writer's stop.
            if (closed) {
                future.completeExceptionally(new StoreException("append of " + copy.size() + " events", "store is closed"));
            } else {
                writer.submit(copy, future);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
        return future;
    }

    @Override
    public Optional<EventIdEntry> findEventId(String eventId) {
        if (!Ids.isUlid(eventId)) {
            throw new IllegalArgumentException("eventId: not a ULID: " + eventId);
        }
        byte[] key = Ulids.toBytes(eventId);
        return onRocks("findEventId " + eventId, () -> {
            byte[] value = rocks.db().get(rocks.handle(Column.EVENT_IDS), rocks.reads(), key);
            return value == null ? Optional.empty() : Optional.of(Values.idEntry(value));
        });
    }

    @Override
    public Optional<StoredEvent> get(String groupId, String originServer, long originSeq) {
        byte[] key = Keys.seqKey(Args.group("groupId", groupId), Args.server("originServer", originServer),
                Args.seq("originSeq", originSeq));
        return onRocks("get " + groupId + " " + originServer + "#" + originSeq, () -> {
            byte[] value = rocks.db().get(rocks.handle(Column.EVENTS), rocks.reads(), key);
            return value == null
                    ? Optional.empty()
                    : Optional.of(Values.event(groupId, originServer, originSeq, value));
        });
    }

    @Override
    public List<StoredEvent> read(
            String groupId, String originServer, long fromSeq, long toSeqInclusive, int maxEvents, long maxBytes) {
        Args.group("groupId", groupId);
        Args.server("originServer", originServer);
        Args.seq("fromSeq", fromSeq);
        Args.nonNegative("maxBytes", maxBytes);
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents: must be >= 1, got " + maxEvents);
        }
        if (toSeqInclusive < fromSeq) {
            return List.of();
        }
        return onRocks("read " + groupId + " " + originServer + "#" + fromSeq + ".." + toSeqInclusive,
                () -> queries.events(groupId, originServer, fromSeq, toSeqInclusive, maxEvents, maxBytes));
    }

    @Override
    public List<SeqRange> missingRanges(
            String groupId, String originServer, long fromSeq, long toSeqInclusive, int maxRanges) {
        Args.group("groupId", groupId);
        Args.server("originServer", originServer);
        Args.seq("fromSeq", fromSeq);
        if (maxRanges < 1) {
            throw new IllegalArgumentException("maxRanges: must be >= 1, got " + maxRanges);
        }
        if (toSeqInclusive < fromSeq) {
            return List.of();
        }
        return onRocks("missingRanges " + groupId + " " + originServer + "#" + fromSeq + ".." + toSeqInclusive,
                () -> holes(groupId, originServer, fromSeq, toSeqInclusive, maxRanges));
    }

    private List<SeqRange> holes(String groupId, String originServer, long fromSeq, long toSeqInclusive, int maxRanges)
            throws RocksDBException {
        byte[] prefix = Keys.prefix(groupId, originServer);
        List<SeqRange> out = new ArrayList<>();
        long expected = fromSeq;
        try (RocksIterator it = rocks.db().newIterator(rocks.handle(Column.EVENTS), rocks.reads())) {
            for (it.seek(Keys.seqKey(prefix, fromSeq)); it.isValid() && out.size() < maxRanges; it.next()) {
                // Only the key is read: a record value is never copied out of RocksDB here.
                byte[] key = it.key();
                if (key.length != prefix.length + Long.BYTES || !Keys.startsWith(key, prefix)) {
                    break;
                }
                long seq = Keys.seqOf(key);
                if (seq > toSeqInclusive) {
                    break;
                }
                if (seq > expected) {
                    out.add(new SeqRange(expected, seq - 1));
                }
                expected = seq + 1;
            }
            it.status();
        }
        if (expected <= toSeqInclusive && out.size() < maxRanges) {
            out.add(new SeqRange(expected, toSeqInclusive));
        }
        return List.copyOf(out);
    }

    @Override
    public OriginState originState(String groupId, String originServer) {
        Args.group("groupId", groupId);
        Args.server("originServer", originServer);
        requireOpen("originState");
        OriginState state = origins.get(groupId, originServer);
        return state != null ? state : OriginState.empty(groupId, originServer);
    }

    @Override
    public List<OriginState> originStates(String groupId) {
        Args.group("groupId", groupId);
        requireOpen("originStates");
        return origins.states(groupId);
    }

    @Override
    public List<String> groups() {
        requireOpen("groups");
        return List.copyOf(origins.groups());
    }

    @Override
    public List<Sha256> blockHashes(String groupId, String originServer) {
        long contiguous = originState(groupId, originServer).contiguousSeq();
        return onRocks("blockHashes " + groupId + " " + originServer,
                () -> List.copyOf(queries.blockHashes(groupId, originServer, contiguous)));
    }

    @Override
    public long nextOriginSeq(String groupId, String originServer) {
        return originState(groupId, originServer).maxSeq() + 1;
    }

    @Override
    public Map<String, Long> deliveryCursors(String peer, String groupId) {
        Args.server("peer", peer);
        Args.group("groupId", groupId);
        requireOpen("deliveryCursors");
        return cursors.snapshot(peer, groupId);
    }

    @Override
    public void saveDeliveryCursors(String peer, String groupId, Map<String, Long> acknowledged) {
        Args.server("peer", peer);
        Args.group("groupId", groupId);
        for (Map.Entry<String, Long> e : acknowledged.entrySet()) {
            Args.server("cursor origin", e.getKey());
            Args.nonNegative("cursor of " + e.getKey(), Objects.requireNonNull(e.getValue(), "cursor value"));
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new StoreException("saveDeliveryCursors " + peer + " " + groupId, "store is closed");
            }
            Set<String> moved = cursors.advance(peer, groupId, acknowledged);
            if (!moved.isEmpty()) {
                writer.submitCursors(peer, groupId, moved);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public List<Equivocation> equivocations(String groupId) {
        Args.group("groupId", groupId);
        return onRocks("equivocations " + groupId, () -> List.copyOf(queries.equivocations(groupId)));
    }

    @Override
    public long equivocationCount() {
        requireOpen("equivocationCount");
        return counters.equivocations();
    }

    @Override
    public void savePeerKey(String serverId, String keyId, byte[] publicKey, long validUntilMillis) {
        CachedKey key = new CachedKey(serverId, keyId, publicKey, validUntilMillis);
        byte[] dbKey = Keys.names(serverId, keyId);
        byte[] value = Values.peerKey(key);
        onRocks("savePeerKey " + serverId + " " + keyId, () -> {
            rocks.db().put(rocks.handle(Column.PEER_KEYS), rocks.writes(sync), dbKey, value);
            counters.wrote(sync);
            return null;
        });
    }

    @Override
    public Optional<CachedKey> peerKey(String serverId, String keyId) {
        Args.server("serverId", serverId);
        if (!Ids.isKeyId(keyId)) {
            throw new IllegalArgumentException("keyId: not a key id: " + keyId);
        }
        byte[] dbKey = Keys.names(serverId, keyId);
        return onRocks("peerKey " + serverId + " " + keyId, () -> {
            byte[] value = rocks.db().get(rocks.handle(Column.PEER_KEYS), rocks.reads(), dbKey);
            return value == null ? Optional.empty() : Optional.of(Values.peerKey(serverId, keyId, value));
        });
    }

    @Override
    public Optional<byte[]> getMeta(String key) {
        byte[] dbKey = metaKey(key);
        return onRocks("getMeta " + key,
                () -> Optional.ofNullable(rocks.db().get(rocks.handle(Column.META), rocks.reads(), dbKey)));
    }

    @Override
    public void putMeta(String key, byte[] value) {
        byte[] dbKey = metaKey(key);
        byte[] copy = Objects.requireNonNull(value, "value").clone();
        onRocks("putMeta " + key, () -> {
            rocks.db().put(rocks.handle(Column.META), rocks.writes(sync), dbKey, copy);
            counters.wrote(sync);
            return null;
        });
    }

    @Override
    public Map<String, byte[]> metaWithPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return onRocks("metaWithPrefix " + prefix, () -> queries.metaWithPrefix(prefix));
    }

    private static byte[] metaKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("meta key: must not be empty");
        }
        return Keys.utf8(key);
    }

    @Override
    public StoreStats stats() {
        return onRocks("stats", statistics::snapshot);
    }

    /**
     * Commits everything queued (appends and cursors), syncs the write-ahead log, then releases every
     * native handle. Must not be called from a continuation running on the writer thread.
     */
    @Override
    public void close() {
        if (writer.isWriterThread()) {
            throw new IllegalStateException("close() on the store's writer thread would wait for itself");
        }
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lifecycle.writeLock().unlock();
        }
        writer.stopAndJoin();
        // Taking the lock exclusively waits for reads still inside RocksDB.
        lifecycle.writeLock().lock();
        try {
            // Cursor-only commits were not fsynced; make them durable before letting go.
            rocks.db().flushWal(true);
        } catch (RocksDBException e) {
            throw new StoreException("close store in " + dir, "syncing the write-ahead log", e);
        } finally {
            try {
                rocks.close();
            } catch (RocksDBException e) {
                throw new StoreException("close store in " + dir, e);
            } finally {
                lifecycle.writeLock().unlock();
            }
        }
    }

    @FunctionalInterface
    private interface RocksCall<T> {
        T call() throws RocksDBException;
    }

    /** Runs {@code call} while the native handles are guaranteed open, wrapping RocksDB failures. */
    private <T> T onRocks(String operation, RocksCall<T> call) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new StoreException(operation, "store is closed");
            }
            return call.call();
        } catch (RocksDBException e) {
            throw new StoreException(operation, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void requireOpen(String operation) {
        if (closed) {
            throw new StoreException(operation, "store is closed");
        }
    }

    @Override
    public String toString() {
        return "RocksEventStore[" + dir + (sync ? ", sync" : ", no sync") + "]";
    }
}
