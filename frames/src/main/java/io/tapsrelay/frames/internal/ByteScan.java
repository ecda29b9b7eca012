package io.tapsrelay.frames.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Finds bytes in a range eight at a time: every byte of every line passes through these scans
 * (the line end, then the text checks), so they read a {@code long} per step and test all eight
 * bytes with a few arithmetic operations instead of a compare and branch per byte.
 *
 * <p>The longs are read little-endian whatever the platform, so the lowest set bit of a mask
 * belongs to the byte at the lowest index. Ranges are half-open, {@code [from, to)}; the bytes left
 * over after the last whole long are checked one by one. Stateless and thread-safe.
 */
public final class ByteScan {
    private static final VarHandle ARRAY_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BUFFER_LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;

    private ByteScan() {}

    /** Index of the first {@code \n} in {@code a[from, to)}, or -1. */
    public static int indexOfNewline(byte[] a, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long zeros = zeroBytes((long) ARRAY_LONGS.get(a, i) ^ NEWLINES);
            if (zeros != 0) {
                return i + firstMarked(zeros);
            }
        }
        for (; i < to; i++) {
            if (a[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index of the first {@code \n} in {@code b} between the absolute indexes {@code from} and
     * {@code to}, or -1. Ignores and keeps the buffer's position, limit and byte order, and works
     * on direct and read-only buffers.
     */
    public static int indexOfNewline(ByteBuffer b, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long zeros = zeroBytes((long) BUFFER_LONGS.get(b, i) ^ NEWLINES);
            if (zeros != 0) {
                return i + firstMarked(zeros);
            }
        }
        for (; i < to; i++) {
            if (b.get(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first byte of {@code a[from, to)} with its high bit set, or {@code to}. */
    static int skipAscii(byte[] a, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long high = (long) ARRAY_LONGS.get(a, i) & HIGH_BITS;
            if (high != 0) {
                return i + firstMarked(high);
            }
        }
        while (i < to && a[i] >= 0) {
            i++;
        }
        return i;
    }

    /** Index of the first byte of {@code a[from, to)} that is NUL or has its high bit set, or {@code to}. */
    static int skipAsciiWithoutNul(byte[] a, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long x = (long) ARRAY_LONGS.get(a, i);
            long marked = zeroBytes(x) | (x & HIGH_BITS);
            if (marked != 0) {
                return i + firstMarked(marked);
            }
        }
        while (i < to && a[i] > 0) {
            i++;
        }
        return i;
    }

    /**
     * The high bit of each zero byte of {@code x}, and possibly of bytes above a zero byte: a
     * borrow can only start at a zero byte, so the lowest marked byte is always the first zero.
     */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGH_BITS;
    }

    /** The index within the long of the lowest byte whose high bit is set in {@code mask}. */
    private static int firstMarked(long mask) {
        return Long.numberOfTrailingZeros(mask) >>> 3;
    }
}
