package io.tapsrelay.frames.validate;

import java.util.Base64;
import java.util.Optional;

/**
 * Strict standard base64 (RFC 4648 §4) with padding: length a multiple of 4, only
 * {@code A-Z a-z 0-9 + /}, {@code =} only as the last one or two characters, and the unused bits
 * before the padding zero, so that every byte string has exactly one accepted text. No whitespace,
 * no URL-safe alphabet, no missing padding. The empty string encodes zero bytes.
 */
public final class Base64s {
    private Base64s() {}

    /** True when {@code s} is strict standard padded base64. */
    public static boolean isStandard(String s) {
        if (s == null || s.length() % 4 != 0) {
            return false;
        }
        int length = s.length();
        int padding = length == 0 ? 0 : s.charAt(length - 1) != '=' ? 0 : s.charAt(length - 2) == '=' ? 2 : 1;
        int dataEnd = length - padding;
        for (int i = 0; i < dataEnd; i++) {
            if (value(s.charAt(i)) < 0) {
                return false;
            }
        }
        if (padding == 0) {
            return true;
        }
        // One '=' leaves 2 unused bits in the last data char, two '=' leave 4; they must be zero.
        int last = value(s.charAt(dataEnd - 1));
        int unusedMask = padding == 1 ? 0b11 : 0b1111;
        return (last & unusedMask) == 0;
    }

    /** The bytes {@code s} encodes; empty when it is not strict standard padded base64. */
    public static Optional<byte[]> decode(String s) {
        return isStandard(s) ? Optional.of(Base64.getDecoder().decode(s)) : Optional.empty();
    }

    /** Standard padded base64 of {@code bytes}. */
    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        return c == '/' ? 63 : -1;
    }
}
