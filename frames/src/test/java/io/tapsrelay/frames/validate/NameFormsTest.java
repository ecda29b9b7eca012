package io.tapsrelay.frames.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NameFormsTest {
    @Test
    void strictBase64AcceptsOnlyCanonicalPaddedStandardText() {
        assertTrue(Base64s.isStandard(""));
        assertTrue(Base64s.isStandard("QQ=="));
        assertTrue(Base64s.isStandard("QUI="));
        assertTrue(Base64s.isStandard("QUJD"));
        assertTrue(Base64s.isStandard("+/+/"));
        assertFalse(Base64s.isStandard("QQ"), "missing padding");
        assertFalse(Base64s.isStandard("QR=="), "non-zero bits before padding");
        assertFalse(Base64s.isStandard("QUJ="), "non-zero bits before one pad");
        assertFalse(Base64s.isStandard("QU I="), "whitespace");
        assertFalse(Base64s.isStandard("QUJD\n"), "line break");
        assertFalse(Base64s.isStandard("-_-_"), "URL-safe alphabet");
        assertFalse(Base64s.isStandard("Q==="), "three pads");
        assertFalse(Base64s.isStandard("QQ==QQ=="), "padding in the middle");
        assertFalse(Base64s.isStandard(null));
    }

    @Test
    void strictBase64DecodesWhatItAccepts() {
        assertEquals("AB", new String(Base64s.decode("QUI=").orElseThrow()));
        assertEquals(Optional.empty(), Base64s.decode("QR=="));
    }

    @Test
    void groupPatternsAreStarExactIdOrPrefixEndingInStar() {
        assertTrue(GroupPatterns.isValidPattern("*"));
        assertTrue(GroupPatterns.isValidPattern("g!team-7"));
        assertTrue(GroupPatterns.isValidPattern("g!acme-*"));
        assertTrue(GroupPatterns.isValidPattern("g!*"));
        assertFalse(GroupPatterns.isValidPattern("acme-*"));
        assertFalse(GroupPatterns.isValidPattern("g!ac*me"));
        assertFalse(GroupPatterns.isValidPattern("g!a b*"));
        assertFalse(GroupPatterns.isValidPattern("**"));
        assertFalse(GroupPatterns.isValidPattern(""));
        assertFalse(GroupPatterns.isValidPattern(null));
    }

    @Test
    void groupPatternsMatchByEqualityOrPrefix() {
        assertTrue(GroupPatterns.matches("*", "g!x"));
        assertTrue(GroupPatterns.matches("g!acme-*", "g!acme-ops"));
        assertTrue(GroupPatterns.matches("g!acme-*", "g!acme-"));
        assertFalse(GroupPatterns.matches("g!acme-*", "g!acm"));
        assertTrue(GroupPatterns.matches("g!team-7", "g!team-7"));
        assertFalse(GroupPatterns.matches("g!team-7", "g!team-77"));
        assertFalse(GroupPatterns.matches("g!te am*", "g!te am"));
        assertTrue(GroupPatterns.anyMatches(List.of("g!a", "g!b-*"), "g!b-1"));
        assertFalse(GroupPatterns.anyMatches(List.of(), "g!b-1"));
    }

    @Test
    void semverNeedsThreeNumbersWithoutLeadingZeros() {
        assertEquals(Optional.of("1"), Semver.major("1.0.0"));
        assertEquals(Optional.of("2"), Semver.major("2.10.3-rc.1+build.5"));
        assertEquals(Optional.of("12345678901234567890"), Semver.major("12345678901234567890.0.0"));
        assertFalse(Semver.isValid("1.0"));
        assertFalse(Semver.isValid("1.0.0.0"));
        assertFalse(Semver.isValid("01.0.0"));
        assertFalse(Semver.isValid("v1.0.0"));
        assertFalse(Semver.isValid("1.0.0-"));
        assertFalse(Semver.isValid("1.0.0-01"));
        assertFalse(Semver.isValid("1.0.0+"));
        assertFalse(Semver.isValid("1..0"));
        assertFalse(Semver.isValid(null));
    }
}
