package io.tapsrelay.relay.store;

import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.frames.validate.Ids;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.store.internal.Args;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One event as the store keeps it: the fields the store indexes, and the event record's JSON bytes
 * exactly as received (stored and returned verbatim, never parsed here).
 *
 * @param groupId the group the event belongs to
 * @param eventId the event's ULID; accepted in either case, held upper-case
 * @param originServer the server that first accepted and signed the event
 * @param originSeq the event's sequence at its origin, at least 1
 * @param contentHash SHA-256 of the decoded content bytes
 * @param record the event record's JSON bytes; copied in and out
 */
public record StoredEvent(
        String groupId, String eventId, String originServer, long originSeq, Sha256 contentHash, byte[] record) {

    public StoredEvent {
        Args.group("groupId", groupId);
        if (!Ids.isUlid(eventId)) {
            throw new IllegalArgumentException("eventId: not a ULID: " + eventId);
        }
        eventId = Ulids.canonical(eventId);
        Args.server("originServer", originServer);
        Args.seq("originSeq", originSeq);
        Objects.requireNonNull(contentHash, "contentHash");
        record = Objects.requireNonNull(record, "record").clone();
    }

    /** A copy of the record bytes. */
    @Override
    public byte[] record() {
        return record.clone();
    }

    /** Length of the record in bytes, without copying it. */
    public int recordLength() {
        return record.length;
    }

    /** A read-only view of the record bytes, for writing them out without a copy. */
    public ByteBuffer recordView() {
        return ByteBuffer.wrap(record).asReadOnlyBuffer();
    }

    /** The 16 bytes the event id encodes (the §7 chain input). */
    public byte[] eventIdBytes() {
        return Ulids.toBytes(eventId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredEvent other
                && originSeq == other.originSeq
                && groupId.equals(other.groupId)
                && eventId.equals(other.eventId)
                && originServer.equals(other.originServer)
                && contentHash.equals(other.contentHash)
                && Arrays.equals(record, other.record);
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupId, eventId, originServer, originSeq, contentHash) * 31 + Arrays.hashCode(record);
    }

    @Override
    public String toString() {
        return "StoredEvent[" + groupId + " " + originServer + "#" + originSeq + " " + eventId + " sha256:"
                + contentHash.hex() + " " + record.length + " bytes]";
    }
}
