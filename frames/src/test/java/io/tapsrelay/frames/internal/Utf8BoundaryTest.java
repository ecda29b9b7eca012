package io.tapsrelay.frames.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ASCII fast path must give the verdicts and messages of the byte-by-byte checks it skips
 * ahead of, wherever the first non-ASCII, NUL or invalid byte falls relative to the eight-byte
 * steps. The byte-by-byte checks are kept here, as first written, as the reference.
 */
class Utf8BoundaryTest {
    private static final long SEED = Long.getLong("utf8.seed", 3629L);
    /** Sequences to place: NUL, valid ones of each width, invalid and truncated ones. */
    private static final String[] INSERTS = {
        "00", "c3a9", "e282ac", "f09f9982", "f48fbfbf", "80", "bf", "c0af", "c1bf", "c328", "e08080", "eda080",
        "f08f8080", "f4908080", "f5808080", "ff", "fe", "c3", "e282", "f09f99", "efbbbf", "7f", "01",
    };

    @Test
    void aSequenceAtEveryOffsetGetsTheReferenceVerdictAndMessage() {
        for (String insert : INSERTS) {
            byte[] sequence = HexFormat.of().parseHex(insert);
            for (int lineLength = 0; lineLength <= 24; lineLength++) {
                for (int at = 0; at <= Math.min(16, lineLength); at++) {
                    for (int start = 0; start < 3; start++) {
                        byte[] line = new byte[start + lineLength + sequence.length + 2];
                        Arrays.fill(line, (byte) 'x');
                        System.arraycopy(sequence, 0, line, start + at, sequence.length);
                        // The range ends just after the sequence as well, so truncated forms reach the end.
                        for (int length : new int[] {lineLength + sequence.length, at + sequence.length}) {
                            assertSameAsReference(line, start, length, insert + " at " + at + " of " + length + " from " + start);
                        }
                    }
                }
            }
        }
    }

    @Test
    void randomMixedLinesGetTheReferenceVerdictAndMessage() {
        Random random = new Random(SEED);
        for (int round = 0; round < 20_000; round++) {
            int length = random.nextInt(64);
            byte[] line = new byte[length];
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(16);
                line[i] = kind == 0 ? (byte) random.nextInt(256) : (byte) (0x20 + random.nextInt(0x5f));
            }
            // Now and then a valid multi-byte char, so lines that pass are common too.
            if (length > 4 && random.nextBoolean()) {
                byte[] euro = HexFormat.of().parseHex("e282ac");
                System.arraycopy(euro, 0, line, random.nextInt(length - 3), 3);
            }
            assertSameAsReference(line, 0, length, "seed " + SEED + ", round " + round + ": " + HexFormat.of().formatHex(line));
        }
    }

    private static void assertSameAsReference(byte[] line, int offset, int length, String context) {
        assertEquals(Reference.lineProblem(line, offset, length), Utf8.lineProblem(line, offset, length), context);
        assertEquals(Reference.isValid(line, offset, length), Utf8.isValid(line, offset, length), context);
    }

    /** The byte-by-byte checks as first written. */
    private static final class Reference {
        static Optional<String> lineProblem(byte[] a, int offset, int length) {
            int end = offset + length;
            if (length >= 3 && (a[offset] & 0xFF) == 0xEF && (a[offset + 1] & 0xFF) == 0xBB && (a[offset + 2] & 0xFF) == 0xBF) {
                return Optional.of("line starts with a byte order mark");
            }
            int i = offset;
            while (i < end) {
                int b = a[i];
                if (b > 0) {
                    i++;
                    continue;
                }
                if (b == 0) {
                    return Optional.of("line holds a NUL byte at offset " + (i - offset));
                }
                int width = sequenceLength(a, i, end);
                if (width < 0) {
                    return Optional.of(String.format("line is not valid UTF-8 (byte 0x%02X at offset %d)", b & 0xFF, i - offset));
                }
                i += width;
            }
            return Optional.empty();
        }

        static boolean isValid(byte[] a, int offset, int length) {
            int end = offset + length;
            int i = offset;
            while (i < end) {
                if (a[i] >= 0) {
                    i++;
                    continue;
                }
                int width = sequenceLength(a, i, end);
                if (width < 0) {
                    return false;
                }
                i += width;
            }
            return true;
        }

        static int sequenceLength(byte[] a, int i, int end) {
            int b0 = a[i] & 0xFF;
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                return continuation(a, i + 1, end) ? 2 : -1;
            }
            if (b0 >= 0xE0 && b0 <= 0xEF) {
                if (i + 2 >= end) {
                    return -1;
                }
                int b1 = a[i + 1] & 0xFF;
                int lo = b0 == 0xE0 ? 0xA0 : 0x80;
                int hi = b0 == 0xED ? 0x9F : 0xBF;
                return b1 >= lo && b1 <= hi && continuation(a, i + 2, end) ? 3 : -1;
            }
            if (b0 >= 0xF0 && b0 <= 0xF4) {
                if (i + 3 >= end) {
                    return -1;
                }
                int b1 = a[i + 1] & 0xFF;
                int lo = b0 == 0xF0 ? 0x90 : 0x80;
                int hi = b0 == 0xF4 ? 0x8F : 0xBF;
                return b1 >= lo && b1 <= hi && continuation(a, i + 2, end) && continuation(a, i + 3, end) ? 4 : -1;
            }
            return -1;
        }

        static boolean continuation(byte[] a, int i, int end) {
            return i < end && (a[i] & 0xC0) == 0x80;
        }
    }
}
