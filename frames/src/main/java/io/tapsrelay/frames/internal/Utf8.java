package io.tapsrelay.frames.internal;

import java.util.Optional;

/**
 * Byte-level checks a line passes before it reaches the JSON parser: strict UTF-8 (no overlong
 * forms, no surrogates, nothing above U+10FFFF), no NUL byte and no byte order mark. Jackson
 * accepts overlong forms and a leading BOM, and guesses UTF-16 from NUL bytes, so these checks are
 * what makes "a frame line is UTF-8" hold.
 *
 * <p>Frame lines are nearly all ASCII, so runs of ASCII are skipped eight bytes at a time
 * ({@link ByteScan}); each byte the skip stops at is judged one by one as before.
 */
public final class Utf8 {
    private Utf8() {}

    /** Why the line is not acceptable text; empty (no allocation) when it is. */
    public static Optional<String> lineProblem(byte[] a, int offset, int length) {
        int end = offset + length;
        if (length >= 3 && (a[offset] & 0xFF) == 0xEF && (a[offset + 1] & 0xFF) == 0xBB && (a[offset + 2] & 0xFF) == 0xBF) {
            return Optional.of("line starts with a byte order mark");
        }
        int i = ByteScan.skipAsciiWithoutNul(a, offset, end);
        while (i < end) {
            int b = a[i];
            if (b == 0) {
                return Optional.of("line holds a NUL byte at offset " + (i - offset));
            }
            int width = sequenceLength(a, i, end);
            if (width < 0) {
                return Optional.of(String.format("line is not valid UTF-8 (byte 0x%02X at offset %d)", b & 0xFF, i - offset));
            }
            i = ByteScan.skipAsciiWithoutNul(a, i + width, end);
        }
        return Optional.empty();
    }

    /** True when the bytes are strict UTF-8. NUL bytes are allowed here (they are valid text). */
    public static boolean isValid(byte[] a, int offset, int length) {
        int end = offset + length;
        int i = ByteScan.skipAscii(a, offset, end);
        while (i < end) {
            int width = sequenceLength(a, i, end);
            if (width < 0) {
                return false;
            }
            i = ByteScan.skipAscii(a, i + width, end);
        }
        return true;
    }

    /** Length of the multi-byte sequence starting at {@code i}, or -1 when it is not strict UTF-8. */
    private static int sequenceLength(byte[] a, int i, int end) {
        int b0 = a[i] & 0xFF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            return continuation(a, i + 1, end) ? 2 : -1;
        }
        if (b0 >= 0xE0 && b0 <= 0xEF) {
            if (i + 2 >= end) {
                return -1;
            }
            int b1 = a[i + 1] & 0xFF;
            // E0 needs A0..BF (no overlong); ED needs 80..9F (no surrogates).
            int lo = b0 == 0xE0 ? 0xA0 : 0x80;
            int hi = b0 == 0xED ? 0x9F : 0xBF;
            return b1 >= lo && b1 <= hi && continuation(a, i + 2, end) ? 3 : -1;
        }
        if (b0 >= 0xF0 && b0 <= 0xF4) {
            if (i + 3 >= end) {
                return -1;
            }
            int b1 = a[i + 1] & 0xFF;
            // F0 needs 90..BF (no overlong); F4 needs 80..8F (nothing above U+10FFFF).
            int lo = b0 == 0xF0 ? 0x90 : 0x80;
            int hi = b0 == 0xF4 ? 0x8F : 0xBF;
            return b1 >= lo && b1 <= hi && continuation(a, i + 2, end) && continuation(a, i + 3, end) ? 4 : -1;
        }
        return -1;
    }

    private static boolean continuation(byte[] a, int i, int end) {
        return i < end && (a[i] & 0xC0) == 0x80;
    }
}
