package io.tapsrelay.relay.store.internal;

import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.store.AppendResult;
import io.tapsrelay.relay.store.AppendStatus;
import io.tapsrelay.relay.store.EventIdEntry;
import io.tapsrelay.relay.store.OriginState;
import io.tapsrelay.relay.store.StoredEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Classifies the events of one commit and stages their writes, keeping per-origin state current.
 *
 * <p>Lookups consult this commit's staged entries first and the database second, so a commit sees
 * its own earlier events. Nothing becomes visible to readers until the writer has committed the batch
 * and called {@link #publish()}; after a failed write it calls {@link #reset()} and nothing of the
 * commit remains. Writer thread only.
 */
final class WriteCycle {
    private record Slot(String groupId, String originServer, long seq) {}

    private record OriginKey(String groupId, String originServer) {}

    private record Staged(String eventId, byte[] idBytes, byte[] hash) {}

    private record Evidence(Slot slot, String rejectedEventId) {}

    private final RocksHandles rocks;
    private final OriginStateCache committed;
    private final LongSupplier clock;
    private final Map<String, EventIdEntry> stagedIds = new HashMap<>();
    private final Map<Slot, Staged> stagedSlots = new HashMap<>();
    private final Map<OriginKey, WorkingOrigin> working = new HashMap<>();
    private final Set<Evidence> stagedEvidence = new HashSet<>();
    private final List<OriginState> toPublish = new ArrayList<>();
    // Reused for the 48-byte head of stored event values; the record behind it is never read here.
    private final byte[] header = new byte[Values.EVENT_HEADER];

    WriteCycle(RocksHandles rocks, OriginStateCache committed, LongSupplier clock) {
        this.rocks = rocks;
        this.committed = committed;
        this.clock = clock;
    }

    /** Classifies {@code events} in order, staging the stored ones and the evidence into {@code batch}. */
    List<AppendResult> stage(WriteBatch batch, List<StoredEvent> events) throws RocksDBException {
        List<AppendResult> results = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            results.add(new AppendResult(stage(batch, event), event));
        }
        return results;
    }

    private AppendStatus stage(WriteBatch batch, StoredEvent event) throws RocksDBException {
        byte[] idBytes = event.eventIdBytes();
        EventIdEntry known = stagedIds.get(event.eventId());
        if (known == null) {
            known = storedIdEntry(idBytes);
        }
        if (known != null) {
            return known.matches(event) ? AppendStatus.DUPLICATE : AppendStatus.EVENT_ID_CONFLICT;
        }
        WorkingOrigin origin = working(event.groupId(), event.originServer());
        Slot slot = new Slot(event.groupId(), event.originServer(), event.originSeq());
        String holder = slotHolder(origin, slot);
        if (holder != null) {
            stageEvidence(batch, slot, holder, idBytes, event);
            return AppendStatus.EQUIVOCATION;
        }
        byte[] hash = event.contentHash().toBytes();
        long seq = event.originSeq();
        batch.put(handle(Column.EVENTS), Keys.seqKey(origin.seqPrefix, seq), Values.event(idBytes, hash, event));
        EventIdEntry entry = new EventIdEntry(event.groupId(), event.originServer(), seq, event.contentHash());
        batch.put(handle(Column.EVENT_IDS), idBytes, Values.idEntry(entry));
        stagedIds.put(event.eventId(), entry);
        stagedSlots.put(slot, new Staged(event.eventId(), idBytes, hash));
        origin.count++;
        origin.maxSeq = Math.max(origin.maxSeq, seq);
        if (seq == origin.contiguousSeq + 1) {
            extendContiguousRun(batch, origin);
        }
        return AppendStatus.STORED;
    }

    /**
     * Walks the contiguous run forward over every following sequence already held (staged in this
     * commit or stored earlier), extending the chain and keeping the value after each 1024th.
     */
    private void extendContiguousRun(WriteBatch batch, WorkingOrigin origin) throws RocksDBException {
        while (origin.contiguousSeq < origin.maxSeq) {
            long next = origin.contiguousSeq + 1;
            Staged staged = stagedSlots.get(new Slot(origin.groupId, origin.originServer, next));
            byte[] idBytes;
            byte[] hash;
            if (staged != null) {
                idBytes = staged.idBytes();
                hash = staged.hash();
            } else if (readStoredHeader(origin, next)) {
                idBytes = Arrays.copyOfRange(header, 0, Ulids.BYTE_LENGTH);
                hash = Arrays.copyOfRange(header, Ulids.BYTE_LENGTH, Values.EVENT_HEADER);
            } else {
                return;
            }
            if (origin.extend(idBytes, hash)) {
                batch.put(handle(Column.BLOCKS), Keys.seqKey(origin.seqPrefix, next), origin.prefixHash.toBytes());
            }
        }
    }

    /** The event id holding {@code slot}, or null when it is free. */
    private String slotHolder(WorkingOrigin origin, Slot slot) throws RocksDBException {
        Staged staged = stagedSlots.get(slot);
        if (staged != null) {
            return staged.eventId();
        }
        // Above the highest held sequence nothing can be stored yet: the common in-order case needs no read.
        if (slot.seq() > origin.maxSeq) {
            return null;
        }
        return readStoredHeader(origin, slot.seq()) ? UlidText.of(header, 0) : null;
    }

    private void stageEvidence(WriteBatch batch, Slot slot, String holder, byte[] rejectedId, StoredEvent event)
            throws RocksDBException {
        Evidence evidence = new Evidence(slot, event.eventId());
        if (stagedEvidence.contains(evidence)) {
            return;
        }
        byte[] key = Keys.equivocationKey(slot.groupId(), slot.originServer(), slot.seq(), rejectedId);
        // Evidence seen before keeps its first detection time; the same rejected event again adds nothing.
        if (rocks.db().get(handle(Column.EQUIVOCATIONS), rocks.reads(), key) != null) {
            return;
        }
        batch.put(handle(Column.EQUIVOCATIONS), key,
                Values.equivocation(Ulids.toBytes(holder), clock.getAsLong(), event));
        stagedEvidence.add(evidence);
    }

    private EventIdEntry storedIdEntry(byte[] idBytes) throws RocksDBException {
        byte[] value = rocks.db().get(handle(Column.EVENT_IDS), rocks.reads(), idBytes);
        return value == null ? null : Values.idEntry(value);
    }

    /** Reads the first 48 bytes of the stored event at {@code seq} into {@link #header}; false when absent. */
    private boolean readStoredHeader(WorkingOrigin origin, long seq) throws RocksDBException {
        byte[] key = Keys.seqKey(origin.seqPrefix, seq);
        int size = rocks.db().get(handle(Column.EVENTS), rocks.reads(), key, 0, key.length, header, 0, header.length);
        if (size == RocksDB.NOT_FOUND) {
            return false;
        }
        if (size < Values.EVENT_HEADER) {
            throw new IllegalStateException("stored event value of " + size + " bytes is shorter than its header");
        }
        return true;
    }

    private WorkingOrigin working(String groupId, String originServer) {
        return working.computeIfAbsent(new OriginKey(groupId, originServer), key -> {
            OriginState state = committed.get(groupId, originServer);
            return new WorkingOrigin(state != null ? state : OriginState.empty(groupId, originServer));
        });
    }

    /** Stages the new state of every origin that gained events; call once, after the last {@link #stage}. */
    void finish(WriteBatch batch) throws RocksDBException {
        for (WorkingOrigin origin : working.values()) {
            OriginState before = committed.get(origin.groupId, origin.originServer);
            long countBefore = before == null ? 0 : before.count();
            if (origin.count != countBefore) {
                OriginState state = origin.toState();
                batch.put(handle(Column.ORIGINS), Keys.names(origin.groupId, origin.originServer),
                        Values.originState(state));
                toPublish.add(state);
            }
        }
    }

    /** Number of equivocation records this commit adds. */
    int newEquivocations() {
        return stagedEvidence.size();
    }

    /** Makes the commit's origin states visible; call only after the batch was written. */
    void publish() {
        for (OriginState state : toPublish) {
            committed.publish(state);
        }
    }

    /** Forgets everything staged, ready for the next commit. */
    void reset() {
        stagedIds.clear();
        stagedSlots.clear();
        working.clear();
        stagedEvidence.clear();
        toPublish.clear();
    }

    private ColumnFamilyHandle handle(Column column) {
        return rocks.handle(column);
    }
}
