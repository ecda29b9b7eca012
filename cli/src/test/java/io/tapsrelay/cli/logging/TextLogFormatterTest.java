package io.tapsrelay.cli.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class TextLogFormatterTest {
    static LogRecord record(Level level, String logger, String message) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName(logger);
        r.setInstant(Instant.parse("2026-11-23T12:00:00.123456Z"));
        return r;
    }

    @Test
    void writesTimeLevelShortLoggerNameAndMessageOnOneLine() {
        String line = new TextLogFormatter().format(record(Level.INFO, "io.tapsrelay.relay.stream.StreamSession",
                "event=stream-open peer=127.0.0.1:8458 group=g!team"));

        assertEquals("2026-11-23T12:00:00.123Z INFO  StreamSession event=stream-open peer=127.0.0.1:8458 group=g!team\n",
                line);
    }

    @Test
    void levelsUseTheRelaysNamesPaddedToOneWidth() {
        TextLogFormatter f = new TextLogFormatter();

        assertTrue(f.format(record(Level.SEVERE, "a.B", "m")).startsWith("2026-11-23T12:00:00.123Z ERROR B m"));
        assertTrue(f.format(record(Level.WARNING, "a.B", "m")).startsWith("2026-11-23T12:00:00.123Z WARN  B m"));
        assertTrue(f.format(record(Level.FINE, "a.B", "m")).startsWith("2026-11-23T12:00:00.123Z DEBUG B m"));
        assertTrue(f.format(record(Level.FINEST, "a.B", "m")).startsWith("2026-11-23T12:00:00.123Z TRACE B m"));
    }

    @Test
    void anExceptionStaysOnTheSameLineWithItsCauses() {
        LogRecord r = record(Level.WARNING, "io.tapsrelay.relay.http.HttpServer", "event=bind-failed");
        r.setThrown(new IOException("cannot listen\non 127.0.0.1:8448", new BindException("Address already in use")));

        String line = new TextLogFormatter().format(r);

        assertEquals(1, line.split("\n", -1).length - 1, line);
        assertTrue(line.contains(" error=\"java.io.IOException: cannot listen\\\\non 127.0.0.1:8448; caused by "
                + "java.net.BindException: Address already in use\" at=io.tapsrelay.cli.logging.TextLogFormatterTest."),
                line);
    }

    @Test
    void aMultiLineMessageIsEscapedAndParametersAreFilledIn() {
        LogRecord r = record(Level.INFO, "x.Y", "first {0}\nsecond");
        r.setParameters(new Object[] {"part"});

        assertEquals("2026-11-23T12:00:00.123Z INFO  Y first part\\nsecond\n", new TextLogFormatter().format(r));
    }

    @Test
    void aRecordWithoutLoggerNameIsNamedRoot() {
        assertEquals("2026-11-23T12:00:00.123Z INFO  root m\n", new TextLogFormatter().format(record(Level.INFO, null, "m")));
    }
}
