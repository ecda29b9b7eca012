package io.tapsrelay.frames.validate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass table decoder against the straightforward rules it replaced: a per-char check of
 * the alphabet, the padding and the unused bits, then the JDK decoder. Random valid texts and
 * mutations of them must get the same verdict and the same bytes from both.
 */
class Base64sTest {
    private static final long SEED = Long.getLong("base64s.seed", 4648L);
    /** Chars a mutation may put in: outside the alphabet, padding, and non-ASCII chars whose low 7 bits are alphabet chars. */
    private static final char[] STRANGE = {
        ' ', '\n', '\r', '\t', '\0', '-', '_', '.', '=', '@', '[', '`', '{', '\u007f',
        '\u0080', '\u00c1', '\u00e9', '\u0141', '\u01af', '\u2b2f', '\ud83d', '\uff21', '\uffff',
    };

    @Test
    void randomValidTextsDecodeToTheBytesTheyEncode() {
        Random random = new Random(SEED);
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[randomLength(random)];
            random.nextBytes(bytes);
            String text = Base64.getEncoder().encodeToString(bytes);
            String context = "seed " + SEED + ", round " + round + ": " + text;
            assertTrue(Base64s.isStandard(text), context);
            assertArrayEquals(bytes, Base64s.decode(text).orElseThrow(), context);
        }
    }

    @Test
    void mutatedTextsGetTheSameVerdictAndBytesAsTheReferenceRules() {
        Random random = new Random(SEED);
        int accepted = 0;
        int rejected = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[randomLength(random)];
            random.nextBytes(bytes);
            String text = mutate(Base64.getEncoder().encodeToString(bytes), random);
            String context = "seed " + SEED + ", round " + round + ": " + escaped(text);
            boolean expected = Reference.isStandard(text);
            assertEquals(expected, Base64s.isStandard(text), context);
            Optional<byte[]> decoded = Base64s.decode(text);
            assertEquals(expected, decoded.isPresent(), context);
            if (expected) {
                assertArrayEquals(Base64.getDecoder().decode(text), decoded.get(), context);
                accepted++;
            } else {
                rejected++;
            }
        }
        // Both verdicts must be common, or the comparison proves little.
        assertTrue(accepted > 2000 && rejected > 2000, accepted + " accepted, " + rejected + " rejected");
    }

    @Test
    void shortTextsOfPaddingAndEdgeCharsGetTheReferenceVerdict() {
        Random random = new Random(SEED);
        String pool = "AQgw/+=B\u00c1 ";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(13);
            for (int i = 0; i < length; i++) {
                text.append(pool.charAt(random.nextInt(pool.length())));
            }
            String s = text.toString();
            String context = "seed " + SEED + ", round " + round + ": " + escaped(s);
            assertEquals(Reference.isStandard(s), Base64s.isStandard(s), context);
            Optional<byte[]> decoded = Base64s.decode(s);
            assertEquals(Reference.isStandard(s), decoded.isPresent(), context);
            decoded.ifPresent(d -> assertArrayEquals(Base64.getDecoder().decode(s), d, context));
        }
    }

    @Test
    void nullAndTheEmptyTextAreJudgedAsBefore() {
        assertEquals(Optional.empty(), Base64s.decode(null));
        assertArrayEquals(new byte[0], Base64s.decode("").orElseThrow());
        assertEquals(Optional.empty(), Base64s.decode("===="));
        assertEquals(Optional.empty(), Base64s.decode("A==="));
    }

    /** Lengths 0..12 most of the time, and sometimes long ones like a content or a signature. */
    private static int randomLength(Random random) {
        return random.nextInt(4) == 0 ? 13 + random.nextInt(400) : random.nextInt(13);
    }

    /** Leaves the text alone a quarter of the time, else changes, inserts, drops or pads one char. */
    private static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        switch (random.nextInt(8)) {
            case 0, 1 -> {
                // unchanged
            }
            case 2 -> {
                if (s.length() > 0) {
                    s.setCharAt(random.nextInt(s.length()), STRANGE[random.nextInt(STRANGE.length)]);
                }
            }
            case 3 -> {
                // A char from the alphabet before the padding often sets unused bits.
                if (s.length() > 0) {
                    int end = s.length() - (s.charAt(s.length() - 1) == '=' ? (s.charAt(s.length() - 2) == '=' ? 2 : 1) : 0);
                    if (end > 0) {
                        s.setCharAt(end - 1, "AQgwBCDEFGHIJKLMNOPRSTUVWXYZ+/09".charAt(random.nextInt(32)));
                    }
                }
            }
            case 4 -> s.insert(random.nextInt(s.length() + 1), STRANGE[random.nextInt(STRANGE.length)]);
            case 5 -> {
                if (s.length() > 0) {
                    s.deleteCharAt(random.nextInt(s.length()));
                }
            }
            case 6 -> {
                int pads = 1 + random.nextInt(3);
                for (int i = 0; i < pads && s.length() > 0; i++) {
                    s.setCharAt(s.length() - 1 - i, '=');
                }
            }
            default -> {
                // The same char shifted out of ASCII: a table indexed by the low bits alone would accept it.
                if (s.length() > 0) {
                    int at = random.nextInt(s.length());
                    s.setCharAt(at, (char) (s.charAt(at) + 128 * (1 + random.nextInt(3))));
                }
            }
        }
        return s.toString();
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.append('"').toString();
    }

    /** The rules as first written: char by char through a chain of ranges. */
    private static final class Reference {
        static boolean isStandard(String s) {
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
            int last = value(s.charAt(dataEnd - 1));
            int unusedMask = padding == 1 ? 0b11 : 0b1111;
            return (last & unusedMask) == 0;
        }

        static int value(char c) {
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
}
