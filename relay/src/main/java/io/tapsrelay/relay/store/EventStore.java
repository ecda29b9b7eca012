package io.tapsrelay.relay.store;

import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.frames.crypto.Sha256;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The relay's durable event log and the small state kept beside it: per-origin digest state, delivery
 * cursors, equivocation evidence, cached peer keys and a metadata map.
 *
 * <p>Thread-safety: every method may be called from any thread. Writes of events go through one
 * writer that commits many callers' batches together; reads never wait for that writer's fsync.
 *
 * <p>Names passed in (group ids, server ids, event ids) must have their PROTOCOL.md §1 form; a name
 * that does not is an {@link IllegalArgumentException}. Storage failures are {@link StoreException}s.
 * Every method except {@link #close()} throws {@link StoreException} once the store is closed.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Stores events durably, classifying each one.
     *
     * <p>Batches queued by concurrent callers are committed together in one write, synced once when
     * storage sync is on. The future completes only after that write (and its fsync) finished, so an
     * acknowledgement sent on completion is never lost. Classification sees earlier events of the same
     * commit: two copies of one event give {@link AppendStatus#STORED} then {@link AppendStatus#DUPLICATE};
     * two event ids for one (group, origin, sequence) give STORED then {@link AppendStatus#EQUIVOCATION}.
     *
     * <p>The future completes on the store's writer thread: keep continuations short, or use the
     * {@code *Async} stages, since the next commit waits for them.
     *
     * @return results in the order of {@code events}; completes exceptionally with a
     *     {@link StoreException} when the write failed (nothing of that commit is stored)
     */
    CompletableFuture<List<AppendResult>> append(List<StoredEvent> events);

    /**
     * What the event-id index holds for {@code eventId}; a fast path for duplicate checks before a
     * signature check. Sees events whose {@link #append} completed; {@code append} stays authoritative.
     *
     * @param eventId a ULID in either case
     */
    Optional<EventIdEntry> findEventId(String eventId);

    /** The event at (group, origin, sequence), if held. */
    Optional<StoredEvent> get(String groupId, String originServer, long originSeq);

    /**
     * Events of one origin in ascending sequence from {@code fromSeq} to {@code toSeqInclusive},
     * skipping sequences not held, stopping at {@code maxEvents} events or before the records' total
     * length would pass {@code maxBytes}. The first event found is returned even when it alone is
     * larger than {@code maxBytes}, so a reader always makes progress.
     *
     * @param maxEvents at least 1
     * @param maxBytes at least 0
     */
    List<StoredEvent> read(
            String groupId, String originServer, long fromSeq, long toSeqInclusive, int maxEvents, long maxBytes);

    /** The digest state of one origin; {@link OriginState#empty} when the store holds nothing of it. */
    OriginState originState(String groupId, String originServer);

    /**
     * The holes of one origin between {@code fromSeq} and {@code toSeqInclusive}: the inclusive ranges
     * of sequences not held, ascending and disjoint, at most {@code maxRanges} of them (the lowest
     * ones). Reads keys only, never a record, so listing the holes above an origin's contiguous run
     * costs one key scan of that stretch (§7 {@code missing}).
     *
     * @param fromSeq at least 1
     * @param maxRanges at least 1
     */
    List<SeqRange> missingRanges(String groupId, String originServer, long fromSeq, long toSeqInclusive, int maxRanges);

    /** The digest states of every origin held in {@code groupId}, sorted by origin (byte order). */
    List<OriginState> originStates(String groupId);

    /** Every group with at least one event held, sorted. */
    List<String> groups();

    /**
     * The §7 chain value after sequence 1024, 2048, … up to the origin's contiguous sequence, in order.
     * Entry i is the prefix hash over 1..(i+1)·{@code PrefixChain.BLOCK_SIZE}.
     */
    List<Sha256> blockHashes(String groupId, String originServer);

    /**
     * The origin's highest committed sequence plus one. Does not reserve anything: the caller
     * serialises allocation of its own origin's sequences.
     */
    long nextOriginSeq(String groupId, String originServer);

    /** For each origin, the highest origin sequence {@code peer} acknowledged in {@code groupId}. */
    Map<String, Long> deliveryCursors(String peer, String groupId);

    /**
     * Records what {@code peer} acknowledged. Cursors only move forward: a value below the current one
     * is ignored. Visible to {@link #deliveryCursors} at once; written with the next commit of events,
     * or on its own within a few tens of milliseconds, never with an fsync of its own (the write-ahead
     * log carries it, the next synced commit or {@link #close()} syncs it). A cursor lost in a crash
     * only means events are offered again, which the peer acknowledges as duplicates.
     */
    void saveDeliveryCursors(String peer, String groupId, Map<String, Long> cursors);

    /** Equivocation evidence kept for {@code groupId}, ordered by origin, sequence, rejected event id. */
    List<Equivocation> equivocations(String groupId);

    /** Number of equivocation records kept, over all groups. */
    long equivocationCount();

    /** Caches a peer's key durably (synced when storage sync is on); replaces an earlier entry. */
    void savePeerKey(String serverId, String keyId, byte[] publicKey, long validUntilMillis);

    /** A cached peer key. */
    Optional<CachedKey> peerKey(String serverId, String keyId);

    /** A metadata value for other components (quarantine list, repair history, …). */
    Optional<byte[]> getMeta(String key);

    /** Stores a metadata value durably (synced when storage sync is on); replaces an earlier value. */
    void putMeta(String key, byte[] value);

    /** Every metadata entry whose key starts with {@code prefix}, sorted by key. */
    Map<String, byte[]> metaWithPrefix(String prefix);

    /** Counters for metrics. */
    StoreStats stats();

    /**
     * Commits what is queued, syncs the write-ahead log, and releases the storage. Idempotent; appends
     * arriving after close fail with a {@link StoreException}.
     */
    @Override
    void close();
}
