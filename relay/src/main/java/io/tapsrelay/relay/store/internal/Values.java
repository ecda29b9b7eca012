package io.tapsrelay.relay.store.internal;

import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.store.CachedKey;
import io.tapsrelay.relay.store.EventIdEntry;
import io.tapsrelay.relay.store.OriginState;
import io.tapsrelay.relay.store.StoredEvent;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Builds and reads the values described on {@link Column}. */
public final class Values {
    /** Bytes before the record in an event value: 16 ULID bytes and 32 content-hash bytes. */
    public static final int EVENT_HEADER = Ulids.BYTE_LENGTH + Sha256.LENGTH;

    private static final int ORIGIN_STATE = 3 * Long.BYTES + Sha256.LENGTH;

    private Values() {}

    /** 16 ULID bytes ‖ 32 content-hash bytes ‖ record. */
    public static byte[] event(byte[] eventId, byte[] contentHash, StoredEvent event) {
        ByteBuffer out = ByteBuffer.allocate(EVENT_HEADER + event.recordLength());
        out.put(eventId).put(contentHash).put(event.recordView());
        return out.array();
    }

    /** The event stored under (group, origin, seq) with {@code value}. */
    public static StoredEvent event(String groupId, String originServer, long seq, byte[] value) {
        checkLength("event value", value, EVENT_HEADER);
        return new StoredEvent(
                groupId,
                UlidText.of(value, 0),
                originServer,
                seq,
                Sha256.of(Arrays.copyOfRange(value, Ulids.BYTE_LENGTH, EVENT_HEADER)),
                Arrays.copyOfRange(value, EVENT_HEADER, value.length));
    }

    /** seq ‖ 32 content-hash bytes ‖ group 0 origin. */
    public static byte[] idEntry(EventIdEntry entry) {
        byte[] names = Keys.names(entry.groupId(), entry.originServer());
        return ByteBuffer.allocate(Long.BYTES + Sha256.LENGTH + names.length)
                .putLong(entry.originSeq())
                .put(entry.contentHash().toBytes())
                .put(names)
                .array();
    }

    /** Reads an {@link #idEntry(EventIdEntry)} value. */
    public static EventIdEntry idEntry(byte[] value) {
        int namesAt = Long.BYTES + Sha256.LENGTH;
        checkLength("event id entry", value, namesAt + 3);
        ByteBuffer in = ByteBuffer.wrap(value);
        long seq = in.getLong();
        Sha256 hash = Sha256.of(Arrays.copyOfRange(value, Long.BYTES, namesAt));
        String[] names = Keys.names(value, namesAt, 2, value.length).names();
        return new EventIdEntry(names[0], names[1], seq, hash);
    }

    /** maxSeq ‖ contiguousSeq ‖ count ‖ 32 prefix-hash bytes. */
    public static byte[] originState(OriginState state) {
        return ByteBuffer.allocate(ORIGIN_STATE)
                .putLong(state.maxSeq())
                .putLong(state.contiguousSeq())
                .putLong(state.count())
                .put(state.prefixHash().toBytes())
                .array();
    }

    /** Reads an {@link #originState(OriginState)} value of (group, origin). */
    public static OriginState originState(String groupId, String originServer, byte[] value) {
        checkLength("origin state", value, ORIGIN_STATE);
        ByteBuffer in = ByteBuffer.wrap(value);
        long maxSeq = in.getLong();
        long contiguous = in.getLong();
        long count = in.getLong();
        Sha256 prefix = Sha256.of(Arrays.copyOfRange(value, 3 * Long.BYTES, ORIGIN_STATE));
        return new OriginState(groupId, originServer, maxSeq, contiguous, count, prefix);
    }

    /** valid-until millis ‖ key bytes. */
    public static byte[] peerKey(CachedKey key) {
        byte[] publicKey = key.publicKey();
        return ByteBuffer.allocate(Long.BYTES + publicKey.length)
                .putLong(key.validUntilMillis())
                .put(publicKey)
                .array();
    }

    /** Reads a {@link #peerKey(CachedKey)} value. */
    public static CachedKey peerKey(String serverId, String keyId, byte[] value) {
        checkLength("peer key", value, Long.BYTES + 1);
        long validUntil = ByteBuffer.wrap(value).getLong();
        return new CachedKey(serverId, keyId, Arrays.copyOfRange(value, Long.BYTES, value.length), validUntil);
    }

    /** 16 kept ULID bytes ‖ detected-at millis ‖ rejected record. */
    public static byte[] equivocation(byte[] keptId, long detectedAtMillis, StoredEvent rejected) {
        return ByteBuffer.allocate(Ulids.BYTE_LENGTH + Long.BYTES + rejected.recordLength())
                .put(keptId)
                .putLong(detectedAtMillis)
                .put(rejected.recordView())
                .array();
    }

    /** A sequence or cursor value. */
    public static byte[] longValue(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    /** Reads a {@link #longValue(long)} value. */
    public static long longValue(byte[] value) {
        checkLength("long value", value, Long.BYTES);
        return ByteBuffer.wrap(value).getLong();
    }

    private static void checkLength(String what, byte[] value, int min) {
        if (value.length < min) {
            // A short value means the files were damaged or written by something else: never guess.
            throw new IllegalStateException(what + " is " + value.length + " bytes, expected at least " + min);
        }
    }
}
