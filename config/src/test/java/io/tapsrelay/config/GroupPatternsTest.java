package io.tapsrelay.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupPatternsTest {
    @Test
    void starExactIdsAndPrefixesAreValid() {
        for (String ok : new String[] {"*", "g!team-7", "g!acme-*", "g!*", "g!A.b_c~d-*"}) {
            assertTrue(GroupPatterns.isValid(ok), ok);
        }
    }

    @Test
    void otherFormsAreInvalid() {
        for (String bad : new String[] {"", "**", "team-7", "g!", "*acme", "g!ac*me", "g!acme-**", "acme-*",
                "g!sp ace", "g!" + "a".repeat(129) + "*"}) {
            assertFalse(GroupPatterns.isValid(bad), bad);
        }
        assertFalse(GroupPatterns.isValid(null));
    }

    @Test
    void aPrefixMatchesTheGroupIdEqualToIt() {
        String longest = "g!" + "a".repeat(128);
        assertTrue(GroupPatterns.isValid(longest + "*"));
        assertTrue(GroupPatterns.matches(longest + "*", longest));
    }

    @Test
    void prefixesMatchTheGroupsTheyStart() {
        assertTrue(GroupPatterns.matches("g!acme-*", "g!acme-sales"));
        assertFalse(GroupPatterns.matches("g!acme-*", "g!acmes"));
        assertTrue(GroupPatterns.matches("*", "g!x"));
        assertTrue(GroupPatterns.matches("g!x", "g!x"));
        assertFalse(GroupPatterns.matches("g!x", "g!xy"));
    }

    @Test
    void anInvalidGroupIdMatchesNothing() {
        assertFalse(GroupPatterns.matches("*", "team"));
        assertFalse(GroupPatterns.matchesAny(List.of("*"), "g!"));
    }

    @Test
    void matchesAnyIsTrueWhenOnePatternMatches() {
        assertTrue(GroupPatterns.matchesAny(List.of("g!a", "g!b-*"), "g!b-1"));
        assertFalse(GroupPatterns.matchesAny(List.of("g!a", "g!b-*"), "g!c"));
    }
}
