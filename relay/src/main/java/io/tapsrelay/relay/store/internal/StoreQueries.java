package io.tapsrelay.relay.store.internal;

import io.tapsrelay.frames.crypto.PrefixChain;
import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.store.Equivocation;
import io.tapsrelay.relay.store.StoredEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The store's range reads over RocksDB iterators. Each iterator reads one consistent view and is
 * closed before returning. Callers validate arguments and guard against a concurrent close.
 */
public final class StoreQueries {
    private final RocksHandles rocks;

    public StoreQueries(RocksHandles rocks) {
        this.rocks = rocks;
    }

    /** See {@code EventStore.read}: ascending, limited, at least one event when any is in range. */
    public List<StoredEvent> events(
            String groupId, String originServer, long fromSeq, long toSeqInclusive, int maxEvents, long maxBytes)
            throws RocksDBException {
        byte[] prefix = Keys.prefix(groupId, originServer);
        List<StoredEvent> out = new ArrayList<>();
        long bytes = 0;
        try (RocksIterator it = rocks.db().newIterator(rocks.handle(Column.EVENTS), rocks.reads())) {
            for (it.seek(Keys.seqKey(prefix, fromSeq)); it.isValid() && out.size() < maxEvents; it.next()) {
                byte[] key = it.key();
                if (!isSeqKey(key, prefix)) {
                    break;
                }
                long seq = Keys.seqOf(key);
                if (seq > toSeqInclusive) {
                    break;
                }
                byte[] value = it.value();
                long length = value.length - Values.EVENT_HEADER;
                if (!out.isEmpty() && bytes + length > maxBytes) {
                    break;
                }
                out.add(Values.event(groupId, originServer, seq, value));
                bytes += length;
            }
            it.status();
        }
        return out;
    }

    /** Chain values kept after each 1024th sequence, up to {@code contiguousSeq}. */
    public List<Sha256> blockHashes(String groupId, String originServer, long contiguousSeq) throws RocksDBException {
        byte[] prefix = Keys.prefix(groupId, originServer);
        List<Sha256> out = new ArrayList<>();
        try (RocksIterator it = rocks.db().newIterator(rocks.handle(Column.BLOCKS), rocks.reads())) {
            for (it.seek(Keys.seqKey(prefix, PrefixChain.BLOCK_SIZE)); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (!isSeqKey(key, prefix) || Keys.seqOf(key) > contiguousSeq) {
                    break;
                }
                out.add(Sha256.of(it.value()));
            }
            it.status();
        }
        return out;
    }

    /** Every equivocation record of the group, in key order. */
    public List<Equivocation> equivocations(String groupId) throws RocksDBException {
        byte[] prefix = Keys.prefix(groupId);
        List<Equivocation> out = new ArrayList<>();
        try (RocksIterator it = rocks.db().newIterator(rocks.handle(Column.EQUIVOCATIONS), rocks.reads())) {
            for (it.seek(prefix); it.isValid() && Keys.startsWith(it.key(), prefix); it.next()) {
                out.add(equivocation(it.key(), it.value()));
            }
            it.status();
        }
        return out;
    }

    private static Equivocation equivocation(byte[] key, byte[] value) {
        Keys.Parsed parsed = Keys.names(key, 0, 2, key.length);
        ByteBuffer keyTail = ByteBuffer.wrap(key, parsed.next(), key.length - parsed.next());
        long seq = keyTail.getLong();
        String rejected = UlidText.of(key, parsed.next() + Long.BYTES);
        String kept = UlidText.of(value, 0);
        long detectedAt = ByteBuffer.wrap(value, Ulids.BYTE_LENGTH, Long.BYTES).getLong();
        byte[] record = Arrays.copyOfRange(value, Ulids.BYTE_LENGTH + Long.BYTES, value.length);
        return new Equivocation(parsed.names()[0], parsed.names()[1], seq, kept, rejected, record, detectedAt);
    }

    /** Metadata entries whose key starts with {@code prefix}, sorted. */
    public Map<String, byte[]> metaWithPrefix(String prefix) throws RocksDBException {
        byte[] start = Keys.utf8(prefix);
        Map<String, byte[]> out = new TreeMap<>();
        try (RocksIterator it = rocks.db().newIterator(rocks.handle(Column.META), rocks.reads())) {
            for (it.seek(start); it.isValid() && Keys.startsWith(it.key(), start); it.next()) {
                out.put(new String(it.key(), StandardCharsets.UTF_8), it.value());
            }
            it.status();
        }
        return Collections.unmodifiableMap(out);
    }

    // A longer origin name never matches: the prefix ends with the origin's 0x00 terminator.
    private static boolean isSeqKey(byte[] key, byte[] originPrefix) {
        return key.length == originPrefix.length + Long.BYTES && Keys.startsWith(key, originPrefix);
    }
}
