package io.tapsrelay.cli.logging;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One record per line, for people and {@code grep}:
 *
 * <pre>
 * 2026-11-23T12:00:00.123Z INFO  StreamSession event=stream-open peer=127.0.0.1:8458 group=g!team
 * </pre>
 *
 * <p>Time (UTC, milliseconds), level padded to five characters, the logger's short name, the
 * message. A thrown exception is appended as {@code error="…"} (with its causes) and
 * {@code at=…} (where it was thrown), so a record never spans lines; the JSON format carries the
 * full stack trace. Thread-safe: no state.
 */
public final class TextLogFormatter extends Formatter {
    @Override
    public String format(LogRecord r) {
        StringBuilder line = new StringBuilder(128)
                .append(LogRecords.time(r)).append(' ')
                .append(String.format("%-5s", LogLevels.label(r.getLevel()))).append(' ')
                .append(LogRecords.shortName(r)).append(' ')
                .append(LogRecords.message(this, r));
        Throwable thrown = r.getThrown();
        if (thrown != null) {
            line.append(" error=").append(quoted(LogRecords.errorChain(thrown)));
            String at = LogRecords.thrownAt(thrown);
            if (at != null) {
                line.append(" at=").append(at.replace(' ', '_'));
            }
        }
        return line.append('\n').toString();
    }

    // The quoting KeyValuePairs reads back.
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
