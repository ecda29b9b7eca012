package io.tapsrelay.frames.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The table-driven name checks against the char ranges of PROTOCOL.md §1 written out as plain
 * comparisons: every char up to U+03FF, and a few far beyond, in every kind of name.
 */
class IdsTest {
    @Test
    void everyCharIsJudgedInServerIdsAsTheRangesSay() {
        forEachChar(c -> {
            boolean host = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
            assertEquals(host, Ids.isServerId("relay" + c + "a.example"), name(c));
            assertEquals(host, Ids.isServerId(c + ":8448"), name(c));
            assertEquals(c >= '0' && c <= '9', Ids.isServerId("relay.example:8" + c), name(c));
        });
    }

    @Test
    void everyCharIsJudgedInGroupAndKeyIdsAsTheRangesSay() {
        forEachChar(c -> {
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            boolean group = alnum || c == '.' || c == '_' || c == '~' || c == '-';
            assertEquals(group, Ids.isGroupId("g!" + c), name(c));
            assertEquals(group, Ids.isGroupId("g!team" + c + "7"), name(c));
            assertEquals(alnum || c == '_', Ids.isKeyId("ed25519:" + c), name(c));
            assertEquals(alnum || c == '_', Ids.isKeyId("ed25519:a" + c + "1"), name(c));
        });
    }

    @Test
    void everyCharIsJudgedInUlidsAsTheCrockfordAlphabetSays() {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZabcdefghjkmnpqrstvwxyz";
        forEachChar(c -> {
            String ulid = "01ARZ3NDEKTSV4RRFFQ69G5FA" + c;
            assertEquals(alphabet.indexOf(c) >= 0, Ids.isUlid(ulid), name(c));
            assertEquals(c >= '0' && c <= '7', Ids.isUlid(c + "1ARZ3NDEKTSV4RRFFQ69G5FAV"), name(c));
        });
    }

    @Test
    void lengthLimitsAndPortsAreKept() {
        assertTrue(Ids.isServerId("a".repeat(255)));
        assertFalse(Ids.isServerId("a".repeat(256)));
        assertFalse(Ids.isServerId(""));
        assertFalse(Ids.isServerId(":8448"));
        assertTrue(Ids.isServerId("127.0.0.1:65535"));
        assertFalse(Ids.isServerId("127.0.0.1:65536"));
        assertFalse(Ids.isServerId("127.0.0.1:0"));
        assertFalse(Ids.isServerId("127.0.0.1:"));
        assertFalse(Ids.isServerId("127.0.0.1:000001"));
        assertFalse(Ids.isServerId("a:1:2"));
        assertTrue(Ids.isGroupId("g!" + "a".repeat(128)));
        assertFalse(Ids.isGroupId("g!" + "a".repeat(129)));
        assertFalse(Ids.isGroupId("g!"));
        assertFalse(Ids.isGroupId("G!a"));
        assertTrue(Ids.isKeyId("ed25519:" + "a".repeat(64)));
        assertFalse(Ids.isKeyId("ed25519:" + "a".repeat(65)));
        assertFalse(Ids.isKeyId("ed25519:"));
        assertFalse(Ids.isUlid("01ARZ3NDEKTSV4RRFFQ69G5FA"));
        assertFalse(Ids.isUlid(null));
        assertFalse(Ids.isServerId(null));
        assertFalse(Ids.isGroupId(null));
        assertFalse(Ids.isKeyId(null));
    }

    private interface CharCheck {
        void check(char c);
    }

    private static void forEachChar(CharCheck check) {
        for (char c = 0; c < 0x400; c++) {
            check.check(c);
        }
        for (char c : new char[] {'\u0e2e', '\u2d2d', '\ud83d', '\uff41', '\uffff'}) {
            check.check(c);
        }
    }

    private static String name(char c) {
        return String.format("char U+%04X", (int) c);
    }
}
