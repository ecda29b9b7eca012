package io.tapsrelay.frames.validate;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Strict standard base64 (RFC 4648 §4) with padding: length a multiple of 4, only
 * {@code A-Z a-z 0-9 + /}, {@code =} only as the last one or two characters, and the unused bits
 * before the padding zero, so that every byte string has exactly one accepted text. No whitespace,
 * no URL-safe alphabet, no missing padding. The empty string encodes zero bytes.
 *
 * <p>Every EVENT's content and signature pass through here, so checking and decoding are one pass
 * over the text through a lookup table.
 */
public final class Base64s {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    /**
     * The 6-bit value of each char below 256, -1 for chars outside the alphabet ({@code =} included).
     * 256 entries though only ASCII chars are ever valid: the chars of a Latin-1 string are known to
     * be below 256, so the JIT drops both the range test and the bounds check on the lookup.
     */
    private static final byte[] VALUES = new byte[256];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private Base64s() {}

    /** True when {@code s} is strict standard padded base64. */
    public static boolean isStandard(String s) {
        int padding = padding(s);
        if (padding < 0) {
            return false;
        }
        int dataEnd = s.length() - padding;
        // OR-ing the values keeps the loop free of exits: any char outside the alphabet makes it negative.
        int all = 0;
        for (int i = 0; i < dataEnd; i++) {
            all |= value(s.charAt(i));
        }
        return all >= 0 && (padding == 0 || unusedBitsZero(value(s.charAt(dataEnd - 1)), padding));
    }

    /** The bytes {@code s} encodes; empty when it is not strict standard padded base64. */
    public static Optional<byte[]> decode(String s) {
        int padding = padding(s);
        if (padding < 0) {
            return Optional.empty();
        }
        int length = s.length();
        byte[] out = new byte[length / 4 * 3 - padding];
        int wholeQuads = padding == 0 ? length : length - 4;
        int all = 0;
        int o = 0;
        for (int i = 0; i < wholeQuads; i += 4) {
            int a = value(s.charAt(i));
            int b = value(s.charAt(i + 1));
            int c = value(s.charAt(i + 2));
            int d = value(s.charAt(i + 3));
            all |= a | b | c | d;
            // A negative value spoils these bytes, but then `all` is negative and they are dropped.
            int bits = a << 18 | b << 12 | c << 6 | d;
            out[o] = (byte) (bits >> 16);
            out[o + 1] = (byte) (bits >> 8);
            out[o + 2] = (byte) bits;
            o += 3;
        }
        if (padding > 0) {
            int a = value(s.charAt(wholeQuads));
            int b = value(s.charAt(wholeQuads + 1));
            int c = padding == 1 ? value(s.charAt(wholeQuads + 2)) : 0;
            all |= a | b | c;
            if (all < 0 || !unusedBitsZero(padding == 1 ? c : b, padding)) {
                return Optional.empty();
            }
            int bits = a << 18 | b << 12 | c << 6;
            out[o] = (byte) (bits >> 16);
            if (padding == 1) {
                out[o + 1] = (byte) (bits >> 8);
            }
        }
        return all < 0 ? Optional.empty() : Optional.of(out);
    }

    /** Standard padded base64 of {@code bytes}. */
    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The number of {@code =} the shape of {@code s} implies (0, 1 or 2), or -1 when its length is
     * not a multiple of 4. Whether the chars before the padding are in the alphabet is checked by
     * the callers' one pass; a third {@code =} is caught there as a char outside the alphabet.
     */
    private static int padding(String s) {
        if (s == null || (s.length() & 3) != 0) {
            return -1;
        }
        int length = s.length();
        if (length == 0 || s.charAt(length - 1) != '=') {
            return 0;
        }
        return s.charAt(length - 2) == '=' ? 2 : 1;
    }

    /** One {@code =} leaves 2 unused bits in the last data char, two leave 4; they must be zero. */
    private static boolean unusedBitsZero(int lastValue, int padding) {
        int unusedMask = padding == 1 ? 0b11 : 0b1111;
        return (lastValue & unusedMask) == 0;
    }

    private static int value(char c) {
        return c < VALUES.length ? VALUES[c] : -1;
    }
}
