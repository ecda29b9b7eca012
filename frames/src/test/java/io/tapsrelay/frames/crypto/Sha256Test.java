package io.tapsrelay.frames.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {
    private static final long SEED = Long.getLong("sha256.seed", 256L);

    @Test
    void hexRoundTripsForRandomValues() {
        Random random = new Random(SEED);
        for (int round = 0; round < 500; round++) {
            byte[] bytes = new byte[Sha256.LENGTH];
            random.nextBytes(bytes);
            String hex = HexFormat.of().formatHex(bytes);
            assertTrue(Sha256.isHex(hex), "seed " + SEED + ": " + hex);
            assertArrayEquals(bytes, Sha256.fromHex(hex).toBytes(), "seed " + SEED + ": " + hex);
            assertEquals(hex, Sha256.fromHex(hex).hex());
            assertTrue(ContentHash.isValid(ContentHash.PREFIX + hex));
            assertEquals(Sha256.fromHex(hex), ContentHash.parse(ContentHash.PREFIX + hex));
        }
    }

    @Test
    void everyCharOtherThanALowerCaseHexDigitIsRejectedAtEveryPosition() {
        String base = "0123456789abcdef".repeat(4);
        for (char c = 0; c < 0x200; c++) {
            boolean digit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            for (int at : new int[] {0, 1, 31, 32, 62, 63}) {
                String hex = base.substring(0, at) + c + base.substring(at + 1);
                String context = String.format("U+%04X at %d", (int) c, at);
                assertEquals(digit, Sha256.isHex(hex), context);
                assertEquals(digit, ContentHash.isValid(ContentHash.PREFIX + hex), context);
                if (!digit) {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sha256.fromHex(hex), context);
                    assertEquals("expected 64 lower-case hex digits, got " + hex, e.getMessage());
                }
            }
        }
    }

    @Test
    void aContentHashMatchesOnlyTheContentItWasMadeFrom() {
        Random random = new Random(SEED);
        for (int round = 0; round < 200; round++) {
            byte[] content = new byte[random.nextInt(300)];
            random.nextBytes(content);
            String hash = ContentHash.of(content);
            assertTrue(ContentHash.matches(content, hash), "seed " + SEED + ", round " + round);
            byte[] other = content.length == 0 ? new byte[1] : content.clone();
            other[random.nextInt(other.length)] ^= (byte) (1 + random.nextInt(255));
            assertFalse(ContentHash.matches(other, hash), "seed " + SEED + ", round " + round);
        }
    }

    @Test
    void onlySixtyFourDigitsAreHex() {
        assertFalse(Sha256.isHex("ab".repeat(31)));
        assertFalse(Sha256.isHex("ab".repeat(33)));
        assertFalse(Sha256.isHex(null));
        assertEquals("expected 64 lower-case hex digits, got null",
                assertThrows(IllegalArgumentException.class, () -> Sha256.fromHex(null)).getMessage());
        assertEquals("expected 64 lower-case hex digits, got abc",
                assertThrows(IllegalArgumentException.class, () -> Sha256.fromHex("abc")).getMessage());
        assertFalse(ContentHash.isValid("sha256:" + "ab".repeat(31)));
        assertFalse(ContentHash.isValid("sha257:" + "ab".repeat(32)));
    }
}
