package io.tapsrelay.frames.validate;

import com.github.f4b6a3.ulid.UlidCreator;

/**
 * ULID text and the 16 bytes it encodes (PROTOCOL.md §1 and the §7 prefix hash).
 *
 * <p>Generation is monotonic within a process so frame ids written in one millisecond still sort
 * in write order.
 */
public final class Ulids {
    /** Length of a ULID in Crockford base32 text. */
    public static final int TEXT_LENGTH = 26;
    /** Number of bytes a ULID encodes. */
    public static final int BYTE_LENGTH = 16;

    private static final byte[] DIGITS = new byte[128];

    static {
        java.util.Arrays.fill(DIGITS, (byte) -1);
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        for (int i = 0; i < alphabet.length(); i++) {
            char c = alphabet.charAt(i);
            DIGITS[c] = (byte) i;
            DIGITS[Character.toLowerCase(c)] = (byte) i;
        }
    }

    private Ulids() {}

    /** A fresh ULID, upper-case, monotonic within this process. */
    public static String next() {
        return UlidCreator.getMonotonicUlid().toString();
    }

    /** The value of one Crockford base32 digit, or -1 when {@code c} is not one (I, L, O, U included). */
    static int digitValue(char c) {
        return c < 128 ? DIGITS[c] : -1;
    }

    /** Upper-case form of a ULID that {@link Ids#isUlid} accepts. */
    public static String canonical(String ulid) {
        return ulid.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The 16 bytes a valid ULID encodes (big-endian 128-bit value).
     *
     * @throws IllegalArgumentException when {@code ulid} is not a valid ULID
     */
    public static byte[] toBytes(String ulid) {
        if (!Ids.isUlid(ulid)) {
            throw new IllegalArgumentException("not a ULID: " + ulid);
        }
        // 26 digits * 5 bits = 130 bits; the first digit carries only 3 significant bits.
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < TEXT_LENGTH; i++) {
            int v = digitValue(ulid.charAt(i));
            hi = (hi << 5) | (lo >>> 59);
            lo = (lo << 5) | v;
        }
        byte[] out = new byte[BYTE_LENGTH];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (hi >>> (56 - 8 * i));
            out[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return out;
    }
}
