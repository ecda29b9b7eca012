package io.tapsrelay.cli.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line, for log collectors:
 *
 * <pre>
 * {"ts":"2026-11-23T12:00:00.123Z","level":"INFO","logger":"io.tapsrelay.relay.stream.StreamSession","msg":"event=stream-open peer=… group=…","event":"stream-open","peer":"…","group":"…"}
 * </pre>
 *
 * <p>{@code logger} is the full logger name. When the message is {@code key=value} pairs (see
 * {@link KeyValuePairs}) each pair is also a string field, unless its key is one of the fixed
 * fields; the message itself is always kept in {@code msg}. A thrown exception adds {@code error}
 * (the exception and its causes) and {@code stack} (the full stack trace as one string).
 * Thread-safe: no mutable state.
 */
public final class JsonLogFormatter extends Formatter {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> FIXED = Set.of("ts", "level", "logger", "msg", "error", "stack");

    @Override
    public String format(LogRecord r) {
        String message = LogRecords.message(this, r);
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("ts", LogRecords.time(r));
            g.writeStringField("level", LogLevels.label(r.getLevel()));
            g.writeStringField("logger", LogRecords.fullName(r));
            g.writeStringField("msg", message);
            for (Map.Entry<String, String> pair : KeyValuePairs.parse(message).orElse(Map.of()).entrySet()) {
                if (!FIXED.contains(pair.getKey())) {
                    g.writeStringField(pair.getKey(), pair.getValue());
                }
            }
            Throwable thrown = r.getThrown();
            if (thrown != null) {
                g.writeStringField("error", LogRecords.errorChain(thrown));
                g.writeStringField("stack", stackTrace(thrown));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        // Jackson escapes control characters in strings, so the object holds no line feed of its own.
        return out.append('\n').toString();
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        try (PrintWriter w = new PrintWriter(trace)) {
            thrown.printStackTrace(w);
        }
        return trace.toString();
    }
}
