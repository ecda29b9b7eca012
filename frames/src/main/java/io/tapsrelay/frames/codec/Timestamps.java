package io.tapsrelay.frames.codec;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Frame timestamps (§3). Written as RFC 3339 UTC with milliseconds,
 * {@code 2026-11-22T14:20:17.123Z}. Any RFC 3339 date-time is accepted on input (another offset,
 * more or fewer fraction digits, lower-case {@code t}/{@code z}): the field is informational, so a
 * peer that writes it a little differently is not cut off.
 */
public final class Timestamps {
    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** The current time in the written form. */
    public static String now() {
        return now(Clock.systemUTC());
    }

    /** {@code clock}'s current time in the written form. */
    public static String now(Clock clock) {
        return format(clock.instant());
    }

    /** {@code instant} in the written form, truncated to milliseconds. */
    public static String format(Instant instant) {
        return MILLIS_UTC.format(instant);
    }

    /**
     * True when {@code s} is an RFC 3339 {@code date-time}: {@code YYYY-MM-DDTHH:MM:SS}, an
     * optional fraction, then {@code Z} or {@code ±HH:MM}, with real calendar dates (second 60 is
     * allowed for leap seconds, as the RFC does).
     */
    public static boolean isValid(String s) {
        if (s == null || s.length() < 20) {
            return false;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        boolean separators = s.charAt(4) == '-' && s.charAt(7) == '-' && (s.charAt(10) == 'T' || s.charAt(10) == 't')
                && s.charAt(13) == ':' && s.charAt(16) == ':';
        if (!separators || year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return false;
        }
        int i = 19;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        return isOffset(s, i);
    }

    private static boolean isOffset(String s, int i) {
        int rest = s.length() - i;
        if (rest == 1) {
            return s.charAt(i) == 'Z' || s.charAt(i) == 'z';
        }
        if (rest != 6 || (s.charAt(i) != '+' && s.charAt(i) != '-') || s.charAt(i + 3) != ':') {
            return false;
        }
        int hours = digits(s, i + 1, 2);
        int minutes = digits(s, i + 4, 2);
        return hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59;
    }

    /** The decimal value of {@code count} digits at {@code from}, or -1 when they are not all digits. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysIn(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }
}
