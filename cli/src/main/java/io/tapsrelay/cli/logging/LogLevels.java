package io.tapsrelay.cli.logging;

import java.util.Locale;
import java.util.logging.Level;

/**
 * The relay's level names ({@code debug}, {@code info}, {@code warn}, {@code error}) against
 * java.util.logging's levels, both ways.
 */
public final class LogLevels {
    private LogLevels() {}

    /**
     * The lowest java.util.logging level written for a configured {@code logging.level}.
     *
     * @throws IllegalArgumentException for a name the configuration does not allow
     */
    public static Level threshold(String configLevel) {
        switch (configLevel.toLowerCase(Locale.ROOT)) {
            case "debug":
                return Level.FINE;
            case "info":
                return Level.INFO;
            case "warn":
                return Level.WARNING;
            case "error":
                return Level.SEVERE;
            default:
                throw new IllegalArgumentException("not a log level: '" + configLevel + "'");
        }
    }

    /** The label a record's level is written with: ERROR, WARN, INFO, DEBUG or TRACE. */
    public static String label(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        } else if (v >= Level.WARNING.intValue()) {
            return "WARN";
        } else if (v >= Level.INFO.intValue()) {
            return "INFO";
        } else if (v >= Level.FINE.intValue()) {
            // CONFIG sits between FINE and INFO: it is detail for operators, so DEBUG.
            return "DEBUG";
        }
        return "TRACE";
    }
}
