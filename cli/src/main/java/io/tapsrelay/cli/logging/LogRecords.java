package io.tapsrelay.cli.logging;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** What both log formatters take from a record, each piece already fit for one line. */
final class LogRecords {
    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_CAUSES = 8;

    private LogRecords() {}

    /** ISO-8601 UTC with milliseconds: {@code 2026-11-23T12:00:00.123Z}. */
    static String time(LogRecord r) {
        return MILLIS_UTC.format(r.getInstant());
    }

    /** The last dot-separated part of the logger name: {@code StreamSession}. */
    static String shortName(LogRecord r) {
        String name = r.getLoggerName();
        if (name == null || name.isEmpty()) {
            return "root";
        }
        return name.substring(name.lastIndexOf('.') + 1);
    }

    static String fullName(LogRecord r) {
        String name = r.getLoggerName();
        return name == null || name.isEmpty() ? "root" : name;
    }

    /** The message with its parameters filled in, line breaks written as {@code \n}. */
    static String message(Formatter formatter, LogRecord r) {
        return oneLine(formatter.formatMessage(r));
    }

    /**
     * The thrown exception and its causes on one line:
     * {@code java.io.IOException: cannot listen; caused by java.net.BindException: Address already in use}.
     */
    static String errorChain(Throwable thrown) {
        StringBuilder out = new StringBuilder(oneLine(thrown.toString()));
        Throwable cause = thrown.getCause();
        for (int n = 0; cause != null && cause != thrown && n < MAX_CAUSES; n++) {
            out.append("; caused by ").append(oneLine(cause.toString()));
            cause = cause.getCause();
        }
        return out.toString();
    }

    /** Where the exception was thrown, or null when its stack trace is empty. */
    static String thrownAt(Throwable thrown) {
        StackTraceElement[] trace = thrown.getStackTrace();
        return trace.length == 0 ? null : trace[0].toString();
    }

    static String oneLine(String s) {
        if (s == null) {
            return "null";
        }
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }
}
