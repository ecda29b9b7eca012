package io.tapsrelay.relay.store.internal;

import io.tapsrelay.frames.validate.Ulids;

/** The inverse of {@link Ulids#toBytes}: 16 bytes to the upper-case 26-character ULID text. */
public final class UlidText {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private UlidText() {}

    /** ULID text of the 16 bytes at {@code offset} of {@code bytes} (big-endian 128-bit value). */
    public static String of(byte[] bytes, int offset) {
        if (offset < 0 || bytes.length - offset < Ulids.BYTE_LENGTH) {
            throw new IllegalArgumentException("need 16 ULID bytes at offset " + offset + " of " + bytes.length);
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (bytes[offset + i] & 0xFF);
            lo = (lo << 8) | (bytes[offset + 8 + i] & 0xFF);
        }
        // 26 digits of 5 bits = 130 bits; the first digit holds the top 3 bits of the 128.
        char[] out = new char[Ulids.TEXT_LENGTH];
        for (int i = Ulids.TEXT_LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo = (lo >>> 5) | (hi << 59);
            hi >>>= 5;
        }
        return new String(out);
    }
}
