package io.tapsrelay.frames.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Utf8Test {
    private static boolean valid(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        return Utf8.isValid(b, 0, b.length);
    }

    @Test
    void wellFormedTextOfEveryWidthIsValid() {
        byte[] text = "aé€🙂\u0000".getBytes(StandardCharsets.UTF_8);
        assertTrue(Utf8.isValid(text, 0, text.length));
        assertTrue(valid("f48fbfbf"), "U+10FFFF");
        assertTrue(valid("ed9fbf"), "U+D7FF");
    }

    @Test
    void overlongSurrogateTruncatedAndOutOfRangeSequencesAreInvalid() {
        assertFalse(valid("c080"), "overlong NUL");
        assertFalse(valid("c1bf"), "overlong");
        assertFalse(valid("e08080"), "overlong three-byte");
        assertFalse(valid("f08f8080"), "overlong four-byte");
        assertFalse(valid("eda080"), "surrogate");
        assertFalse(valid("f4908080"), "above U+10FFFF");
        assertFalse(valid("f5808080"), "lead byte F5");
        assertFalse(valid("e282"), "truncated");
        assertFalse(valid("80"), "lone continuation");
        assertFalse(valid("c328"), "bad continuation");
    }

    @Test
    void aLineMayHoldNeitherNulNorByteOrderMark() {
        byte[] nul = {'{', 0, '}'};
        assertEquals(Optional.of("line holds a NUL byte at offset 1"), Utf8.lineProblem(nul, 0, 3));
        byte[] bom = "\uFEFF{}".getBytes(StandardCharsets.UTF_8);
        assertTrue(Utf8.lineProblem(bom, 0, bom.length).isPresent());
        byte[] fine = "{\"é\":1}".getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), Utf8.lineProblem(fine, 0, fine.length));
    }
}
