package io.tapsrelay.config;

import java.util.List;
import java.util.Objects;

/**
 * Log output.
 *
 * @param format {@code text} (default) or {@code json} (one object per line)
 * @param level {@code debug}, {@code info} (default), {@code warn} or {@code error}
 */
public record LoggingConfig(String format, String level) {
    public static final List<String> FORMATS = List.of("text", "json");
    public static final List<String> LEVELS = List.of("debug", "info", "warn", "error");

    public LoggingConfig {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(level, "level");
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("log format is not one of " + FORMATS + ": '" + format + "'");
        }
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("log level is not one of " + LEVELS + ": '" + level + "'");
        }
    }

    public static LoggingConfig defaults() {
        return new LoggingConfig("text", "info");
    }

    /** Whether log lines are JSON objects. */
    public boolean json() {
        return format.equals("json");
    }
}
