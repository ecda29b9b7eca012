package io.tapsrelay.relay.bench;

import java.util.Locale;
import java.util.OptionalLong;

/** How the report writes numbers: fixed units, dot decimals whatever the machine's locale. */
final class BenchFormat {
    private static final double MIB = 1024.0 * 1024.0;

    private BenchFormat() {}

    /** A count or rate rounded to a whole number: {@code 9850}. */
    static String count(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    /** Bytes per second as decimal megabytes (10^6) per second: {@code 4.1 MB/s}. */
    static String megabytesPerSecond(double bytesPerSecond) {
        return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6);
    }

    /** A duration with a unit that keeps two or three significant digits: {@code 850us}, {@code 2.1ms}, {@code 1.25s}. */
    static String duration(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.0fus", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1fms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2fs", nanos / 1e9);
    }

    /** Bytes in whole MiB, or {@code n/a} when they could not be measured. */
    static String mebibytes(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%.0fMiB", bytes.getAsLong() / MIB) : "n/a";
    }

    /** A ratio with two decimals and an {@code x}: {@code 6.20x}. */
    static String ratio(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2fx", value) : "n/a";
    }

    /** {@code p50=2.1ms p99=8.3ms p999=15.0ms} */
    static String percentiles(LatencySummary s) {
        return "p50=" + duration(s.p50Nanos()) + " p99=" + duration(s.p99Nanos()) + " p999=" + duration(s.p999Nanos());
    }
}
