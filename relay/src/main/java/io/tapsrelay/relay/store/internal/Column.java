package io.tapsrelay.relay.store.internal;

import java.nio.charset.StandardCharsets;
import org.rocksdb.RocksDB;

/**
 * The store's column families. Key layouts (names are UTF-8, joined by 0x00, which no §1 name holds;
 * sequences and times are 8-byte big-endian so keys sort numerically):
 *
 * <ul>
 *   <li>{@link #DEFAULT}: {@code "format"} → the on-disk format name.
 *   <li>{@link #EVENTS}: group 0 origin 0 seq → 16 ULID bytes ‖ 32 content-hash bytes ‖ record. One
 *       origin's events are contiguous and in sequence order; the chain inputs come first so the chain
 *       can be extended without parsing JSON.
 *   <li>{@link #EVENT_IDS}: 16 ULID bytes → seq ‖ 32 content-hash bytes ‖ group 0 origin.
 *   <li>{@link #ORIGINS}: group 0 origin → maxSeq ‖ contiguousSeq ‖ count ‖ 32 prefix-hash bytes.
 *   <li>{@link #BLOCKS}: group 0 origin 0 seq → the 32-byte chain value after seq (a multiple of 1024).
 *   <li>{@link #CURSORS}: peer 0 group 0 origin → highest acknowledged seq.
 *   <li>{@link #EQUIVOCATIONS}: group 0 origin 0 seq ‖ 16 rejected ULID bytes → 16 kept ULID bytes ‖
 *       detected-at millis ‖ rejected record.
 *   <li>{@link #PEER_KEYS}: server 0 keyId → valid-until millis ‖ key bytes.
 *   <li>{@link #META}: key → value.
 * </ul>
 */
public enum Column {
    DEFAULT(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8)),
    EVENTS("events"),
    EVENT_IDS("event-ids"),
    ORIGINS("origin-state"),
    BLOCKS("block-hashes"),
    CURSORS("delivery-cursors"),
    EQUIVOCATIONS("equivocations"),
    PEER_KEYS("peer-keys"),
    META("meta");

    private final String familyName;

    Column(String familyName) {
        this.familyName = familyName;
    }

    /** The column family's name in RocksDB. */
    public byte[] familyName() {
        return familyName.getBytes(StandardCharsets.UTF_8);
    }
}
