package io.tapsrelay.relay.store.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * What the store does once at open: checks the on-disk format and loads the in-memory state (origin
 * states, delivery cursors, equivocation count), so that later reads of it never touch disk.
 */
public final class StoreLoader {
    /** Names the layout described on {@link Column}; change it when that layout changes. */
    public static final String FORMAT = "taps-relay-store/1";

    private static final byte[] FORMAT_KEY = Keys.utf8("format");

    private StoreLoader() {}

    /**
     * Writes the format name into a new store, or checks an existing store's.
     *
     * @throws IllegalStateException when the directory holds another format
     */
    public static void checkFormat(RocksHandles rocks) throws RocksDBException {
        byte[] stored = rocks.db().get(rocks.handle(Column.DEFAULT), rocks.reads(), FORMAT_KEY);
        byte[] expected = Keys.utf8(FORMAT);
        if (stored == null) {
            rocks.db().put(rocks.handle(Column.DEFAULT), rocks.writes(true), FORMAT_KEY, expected);
        } else if (!Arrays.equals(stored, expected)) {
            throw new IllegalStateException("store format is " + new String(stored, StandardCharsets.UTF_8)
                    + ", this relay reads " + FORMAT);
        }
    }

    /** Loads every committed origin state; O(origins). */
    public static void loadOrigins(RocksHandles rocks, OriginStateCache cache) throws RocksDBException {
        try (RocksIterator it = rocks.db().newIterator(rocks.handle(Column.ORIGINS), rocks.reads())) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] key = it.key();
                String[] names = Keys.names(key, 0, 2, key.length).names();
                cache.publish(Values.originState(names[0], names[1], it.value()));
            }
            it.status();
        }
    }

    /** Loads every delivery cursor. */
    public static void loadCursors(RocksHandles rocks, DeliveryCursorCache cache) throws RocksDBException {
        try (RocksIterator it = rocks.db().newIterator(rocks.handle(Column.CURSORS), rocks.reads())) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] key = it.key();
                String[] names = Keys.names(key, 0, 3, key.length).names();
                cache.load(names[0], names[1], names[2], Values.longValue(it.value()));
            }
            it.status();
        }
    }

    /** Counts the kept equivocation records (few: each one is an operator alarm). */
    public static long countEquivocations(RocksHandles rocks) throws RocksDBException {
        long count = 0;
        try (RocksIterator it = rocks.db().newIterator(rocks.handle(Column.EQUIVOCATIONS), rocks.reads())) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                count++;
            }
            it.status();
        }
        return count;
    }
}
