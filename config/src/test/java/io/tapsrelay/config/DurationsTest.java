package io.tapsrelay.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void everyUnitParses() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals(Duration.ofDays(30), Durations.parse("30d"));
        assertEquals(Duration.ZERO, Durations.parse("0s"));
    }

    @Test
    void aBareNumberIsNotADuration() {
        assertTrue(Durations.tryParse("30").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("30"));
        assertEquals("'30' is not a duration; expected a number with a unit such as 500ms, 30s, 5m, 2h or 30d",
                e.getMessage());
    }

    @Test
    void otherFormsAreRejected() {
        for (String bad : new String[] {"", "s", "-5s", "+5s", "1.5s", "5 s", "5S", "5sec", "1h30m", "PT5M", "5us", " 5s"}) {
            assertTrue(Durations.tryParse(bad).isEmpty(), bad);
        }
        assertTrue(Durations.tryParse(null).isEmpty());
    }

    @Test
    void aDurationTooLongForTheClockIsRejectedRatherThanWrapped() {
        assertTrue(Durations.tryParse("999999999999999999d").isEmpty());
        assertTrue(Durations.tryParse("9999999999999999999s").isEmpty());
    }

    @Test
    void formatUsesTheLargestExactUnit() {
        assertEquals("5m", Durations.format(Duration.ofSeconds(300)));
        assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
        assertEquals("30d", Durations.format(Duration.ofDays(30)));
        assertEquals("0s", Durations.format(Duration.ZERO));
    }

    @Test
    void formatRefusesWhatTheFormCannotSay() {
        assertThrows(IllegalArgumentException.class, () -> Durations.format(Duration.ofNanos(1500)));
        assertThrows(IllegalArgumentException.class, () -> Durations.format(Duration.ofSeconds(-1)));
    }

    @Test
    void formatThenParseGivesTheSameDuration() {
        long seed = 0x5eed_d0_2a7L;
        Random random = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            Duration d = Duration.ofMillis(random.nextInt(4) == 0 ? random.nextInt(1000) * 1000L : random.nextLong() >>> 20);
            assertEquals(d, Durations.parse(Durations.format(d)), "seed " + seed + ", " + d);
        }
    }
}
