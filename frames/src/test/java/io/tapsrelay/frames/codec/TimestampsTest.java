package io.tapsrelay.frames.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void timestampsAreWrittenInUtcWithMilliseconds() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T14:20:17.123456Z"), ZoneOffset.ofHours(5));
        assertEquals("2026-11-22T14:20:17.123Z", Timestamps.now(clock));
        assertEquals("2026-01-02T03:04:05.000Z", Timestamps.format(Instant.parse("2026-01-02T03:04:05Z")));
        assertTrue(Timestamps.isValid(Timestamps.now()));
    }

    @Test
    void anyRfc3339DateTimeIsAccepted() {
        assertTrue(Timestamps.isValid("2026-11-22T14:20:17.123Z"));
        assertTrue(Timestamps.isValid("2026-11-22T14:20:17Z"));
        assertTrue(Timestamps.isValid("2026-11-22t14:20:17.1z"));
        assertTrue(Timestamps.isValid("2026-11-22T14:20:17.123456789+05:30"));
        assertTrue(Timestamps.isValid("2024-02-29T00:00:00Z"));
        assertTrue(Timestamps.isValid("2016-12-31T23:59:60Z"));
    }

    @Test
    void malformedOrImpossibleTimestampsAreRejected() {
        String[] bad = {"", "2026-11-22", "2026-11-22 14:20:17Z", "2026-11-22T14:20:17", "2026-11-22T14:20:17.Z",
            "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-11-22T24:00:00Z",
            "2026-11-22T14:60:00Z", "2026-11-22T14:20:61Z", "2026-11-22T14:20:17+0530", "2026-11-22T14:20:17+24:00",
            "26-11-22T14:20:17Z", "2026-11-22T14:20:17.123ZZ", "２０２６-11-22T14:20:17Z"};
        for (String s : bad) {
            assertFalse(Timestamps.isValid(s), s);
        }
        assertFalse(Timestamps.isValid(null));
    }
}
