package io.tapsrelay.relay.store.internal;

import io.tapsrelay.frames.validate.Ulids;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Builds and takes apart the keys described on {@link Column}.
 *
 * <p>Names are joined with a 0x00 byte; callers validate names first (see {@link Args}), so no name
 * holds one and a prefix of names never matches a longer name by accident.
 */
public final class Keys {
    private static final byte SEP = 0;

    private Keys() {}

    /** {@code a 0 b}: the key of one origin in a group, one peer key, or any two-name key. */
    public static byte[] names(String a, String b) {
        byte[] ab = utf8(a);
        byte[] bb = utf8(b);
        return ByteBuffer.allocate(ab.length + 1 + bb.length).put(ab).put(SEP).put(bb).array();
    }

    /** {@code a 0 b 0 c}: a delivery cursor key. */
    public static byte[] names(String a, String b, String c) {
        byte[] ab = utf8(a);
        byte[] bb = utf8(b);
        byte[] cb = utf8(c);
        return ByteBuffer.allocate(ab.length + bb.length + cb.length + 2)
                .put(ab)
                .put(SEP)
                .put(bb)
                .put(SEP)
                .put(cb)
                .array();
    }

    /** {@code name 0}: the prefix of every key that starts with {@code name} as its first name. */
    public static byte[] prefix(String name) {
        byte[] nb = utf8(name);
        return ByteBuffer.allocate(nb.length + 1).put(nb).put(SEP).array();
    }

    /** {@code a 0 b 0}: the prefix of every sequence key of one origin. */
    public static byte[] prefix(String a, String b) {
        byte[] ab = utf8(a);
        byte[] bb = utf8(b);
        return ByteBuffer.allocate(ab.length + bb.length + 2).put(ab).put(SEP).put(bb).put(SEP).array();
    }

    /** {@code group 0 origin 0 seq}: an event or block-hash key. */
    public static byte[] seqKey(String groupId, String originServer, long seq) {
        return seqKey(prefix(groupId, originServer), seq);
    }

    /** {@code originPrefix ‖ seq}, reusing a prefix built once by {@link #prefix(String, String)}. */
    public static byte[] seqKey(byte[] originPrefix, long seq) {
        return ByteBuffer.allocate(originPrefix.length + Long.BYTES).put(originPrefix).putLong(seq).array();
    }

    /** {@code group 0 origin 0 seq ‖ rejected ULID bytes}: an equivocation key. */
    public static byte[] equivocationKey(String groupId, String originServer, long seq, byte[] rejectedId) {
        byte[] prefix = prefix(groupId, originServer);
        return ByteBuffer.allocate(prefix.length + Long.BYTES + Ulids.BYTE_LENGTH)
                .put(prefix)
                .putLong(seq)
                .put(rejectedId)
                .array();
    }

    /** The sequence a {@link #seqKey} ends with. */
    public static long seqOf(byte[] seqKey) {
        return ByteBuffer.wrap(seqKey, seqKey.length - Long.BYTES, Long.BYTES).getLong();
    }

    /** True when {@code key} starts with {@code prefix}. */
    public static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads {@code count} 0x00-terminated names of {@code key} starting at {@code from}; the last name
     * may instead end at {@code end}. Returns the names and, through {@link Parsed#next}, where
     * reading stopped.
     */
    public static Parsed names(byte[] key, int from, int count, int end) {
        String[] out = new String[count];
        int pos = from;
        for (int i = 0; i < count; i++) {
            int stop = pos;
            while (stop < end && key[stop] != SEP) {
                stop++;
            }
            out[i] = new String(key, pos, stop - pos, StandardCharsets.UTF_8);
            pos = stop + 1;
        }
        return new Parsed(out, pos);
    }

    /** Names read from a key, and the offset just past the last name's terminator. */
    public record Parsed(String[] names, int next) {}

    /** UTF-8 bytes of {@code s}. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
