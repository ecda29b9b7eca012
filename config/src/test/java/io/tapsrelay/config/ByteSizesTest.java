package io.tapsrelay.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteSizesTest {
    @Test
    void plainCountsAndIecUnitsParse() {
        assertEquals(16384L, ByteSizes.parse("16384"));
        assertEquals(512L, ByteSizes.parse("512B"));
        assertEquals(16384L, ByteSizes.parse("16KiB"));
        assertEquals(4L << 20, ByteSizes.parse("4MiB"));
        assertEquals(1L << 30, ByteSizes.parse("1GiB"));
        assertEquals(0L, ByteSizes.parse("0"));
    }

    @Test
    void decimalUnitsAreRejectedAndTheMessageSaysWhichUnitsWork() {
        for (String bad : new String[] {"16KB", "4MB", "1GB", "16kB", "16k", "16kib", "16 KiB"}) {
            assertTrue(ByteSizes.tryParse(bad).isEmpty(), bad);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("16KB"));
        assertEquals("'16KB' is not a size; expected a byte count or a number with an IEC unit (B, KiB, MiB, GiB)"
                + " such as 16384, 512B, 16KiB or 4MiB", e.getMessage());
    }

    @Test
    void otherFormsAreRejected() {
        for (String bad : new String[] {"", "KiB", "-1", "1.5MiB", "0x10", "16 ", "1TiB"}) {
            assertTrue(ByteSizes.tryParse(bad).isEmpty(), bad);
        }
        assertTrue(ByteSizes.tryParse(null).isEmpty());
    }

    @Test
    void aSizeTooLargeForALongIsRejectedRatherThanWrapped() {
        assertTrue(ByteSizes.tryParse("999999999999GiB").isEmpty());
        assertTrue(ByteSizes.tryParse("9999999999999999999").isEmpty());
    }

    @Test
    void formatUsesTheLargestExactUnit() {
        assertEquals("16KiB", ByteSizes.format(16384));
        assertEquals("4MiB", ByteSizes.format(4L << 20));
        assertEquals("1GiB", ByteSizes.format(1L << 30));
        assertEquals("1536KiB", ByteSizes.format(1536L * 1024));
        assertEquals("16385", ByteSizes.format(16385));
        assertEquals("0", ByteSizes.format(0));
    }

    @Test
    void formatThenParseGivesTheSameSize() {
        long seed = 0xb17e5L;
        Random random = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            long n = random.nextBoolean() ? (random.nextLong() >>> 1) : (long) random.nextInt(1 << 20) << random.nextInt(20);
            assertEquals(n, ByteSizes.parse(ByteSizes.format(n)), "seed " + seed + ", " + n);
        }
    }
}
