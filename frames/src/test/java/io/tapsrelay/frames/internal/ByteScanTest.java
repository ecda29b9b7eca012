package io.tapsrelay.frames.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The eight-at-a-time scans against a plain loop, at every offset around the long boundaries. */
class ByteScanTest {
    private static final long SEED = Long.getLong("bytescan.seed", 88L);

    @Test
    void aNewlineIsFoundAtEveryOffsetInArraysAndBuffers() {
        for (int length = 0; length <= 40; length++) {
            for (int at = -1; at < length; at++) {
                byte[] bytes = filled(length, (byte) 'a');
                if (at >= 0) {
                    bytes[at] = '\n';
                }
                for (int from = 0; from <= Math.min(length, 9); from++) {
                    for (int to = Math.max(from, length - 9); to <= length; to++) {
                        assertNewlineFound(bytes, from, to, "length " + length + ", newline at " + at);
                    }
                }
            }
        }
    }

    @Test
    void bytesThatDifferFromANewlineByOneBitOrABorrowAreNotNewlines() {
        // 0x0b and 0x09 differ from '\n' in one bit; 0x8a has the high bit set; 0x00 and 0x01 make borrows.
        byte[] near = {0x0b, 0x09, 0x08, 0x0e, 0x1a, (byte) 0x8a, 0x00, 0x01, (byte) 0xff};
        Random random = new Random(SEED);
        for (int round = 0; round < 5000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(20) == 0 ? (byte) '\n' : near[random.nextInt(near.length)];
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            assertNewlineFound(bytes, from, bytes.length, "seed " + SEED + ", round " + round);
        }
    }

    @Test
    void asciiSkipsStopAtTheFirstHighOrNulByteAtEveryOffset() {
        byte[] stops = {0, (byte) 0x80, (byte) 0xc3, (byte) 0xff};
        for (byte stop : stops) {
            for (int length = 0; length <= 40; length++) {
                for (int at = -1; at < length; at++) {
                    byte[] bytes = filled(length, (byte) 0x7f);
                    if (at >= 0) {
                        bytes[at] = stop;
                    }
                    if (at > 0) {
                        bytes[at - 1] = 1;
                    }
                    for (int from = 0; from <= Math.min(length, 9); from++) {
                        String context = "stop " + stop + ", length " + length + ", at " + at + ", from " + from;
                        assertEquals(naiveSkip(bytes, from, length, false), ByteScan.skipAscii(bytes, from, length), context);
                        assertEquals(naiveSkip(bytes, from, length, true), ByteScan.skipAsciiWithoutNul(bytes, from, length), context);
                    }
                }
            }
        }
    }

    private static void assertNewlineFound(byte[] bytes, int from, int to, String context) {
        String where = context + ", range [" + from + ", " + to + ")";
        int expected = naiveNewline(bytes, from, to);
        assertEquals(expected, ByteScan.indexOfNewline(bytes, from, to), where + " in an array");
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        assertEquals(expected, ByteScan.indexOfNewline(direct, from, to), where + " in a direct buffer");
        ByteBuffer readOnly = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        assertEquals(expected, ByteScan.indexOfNewline(readOnly, from, to), where + " in a read-only buffer");
    }

    private static int naiveNewline(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int naiveSkip(byte[] bytes, int from, int to, boolean stopAtNul) {
        int i = from;
        while (i < to && bytes[i] >= 0 && !(stopAtNul && bytes[i] == 0)) {
            i++;
        }
        return i;
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}
