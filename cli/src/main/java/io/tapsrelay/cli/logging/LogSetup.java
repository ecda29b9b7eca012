package io.tapsrelay.cli.logging;

import io.tapsrelay.config.LoggingConfig;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Points java.util.logging at stderr in the configured format and level: one record per line,
 * text ({@link TextLogFormatter}) or JSON ({@link JsonLogFormatter}). Netty's own loggers are held
 * at WARNING whatever the level, so {@code debug} shows the relay's detail, not the transport's.
 *
 * <p>Configuring again replaces what the previous call installed, so records are never written
 * twice. Thread-safe.
 */
public final class LogSetup {
    /** Netty as shaded into grpc-netty-shaded, and plain Netty should it ever be on the path. */
    private static final List<String> QUIET = List.of("io.grpc.netty.shaded.io.netty", "io.netty");

    // java.util.logging holds loggers weakly: a level set on one nobody references is forgotten.
    private static final List<Logger> QUIETED = QUIET.stream().map(Logger::getLogger).toList();

    private static Handler installed;

    private LogSetup() {}

    /** Logs to {@code System.err}. */
    public static void configure(LoggingConfig config) {
        configure(config, System.err);
    }

    /** Logs to {@code out}, which is flushed after every record and never closed. */
    public static synchronized void configure(LoggingConfig config, OutputStream out) {
        Level threshold = LogLevels.threshold(config.level());
        Handler handler = new LineHandler(out, config.json() ? new JsonLogFormatter() : new TextLogFormatter());
        handler.setLevel(threshold);
        Logger root = Logger.getLogger("");
        // The JVM's default ConsoleHandler writes two-line records; ours replaces it.
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            if (h == installed) {
                h.flush();
            }
        }
        root.addHandler(handler);
        root.setLevel(threshold);
        for (Logger quiet : QUIETED) {
            quiet.setLevel(Level.WARNING);
        }
        installed = handler;
    }

    /** A handler that writes each record at once and leaves the stream open. */
    private static final class LineHandler extends StreamHandler {
        LineHandler(OutputStream out, java.util.logging.Formatter formatter) {
            super(out, formatter);
            try {
                setEncoding("UTF-8");
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("every JVM supports UTF-8", e);
            }
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        // stderr belongs to the process, not to this handler.
        @Override
        public synchronized void close() {
            flush();
        }
    }
}
