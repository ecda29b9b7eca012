package io.tapsrelay.cli.logging;

import static io.tapsrelay.cli.logging.TextLogFormatterTest.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode formatted(LogRecord r) throws IOException {
        String line = new JsonLogFormatter().format(r);
        assertTrue(line.endsWith("\n"), line);
        assertEquals(-1, line.substring(0, line.length() - 1).indexOf('\n'), "one line per record: " + line);
        return JSON.readTree(line);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void writesTheFixedFieldsThenEveryKeyValuePairAsAField() throws IOException {
        JsonNode o = formatted(record(Level.INFO, "io.tapsrelay.relay.stream.StreamSession",
                "event=stream-closed peer=127.0.0.1:8458 reason=\"peer went away\""));

        assertEquals(List.of("ts", "level", "logger", "msg", "event", "peer", "reason"), fieldNames(o));
        assertEquals("2026-11-23T12:00:00.123Z", o.get("ts").asText());
        assertEquals("INFO", o.get("level").asText());
        assertEquals("io.tapsrelay.relay.stream.StreamSession", o.get("logger").asText());
        assertEquals("event=stream-closed peer=127.0.0.1:8458 reason=\"peer went away\"", o.get("msg").asText());
        assertEquals("stream-closed", o.get("event").asText());
        assertEquals("peer went away", o.get("reason").asText());
    }

    @Test
    void freeTextIsOnlyTheMessage() throws IOException {
        JsonNode o = formatted(record(Level.WARNING, "x.Y", "something \"odd\" happened\non two lines"));

        assertEquals(List.of("ts", "level", "logger", "msg"), fieldNames(o));
        assertEquals("WARN", o.get("level").asText());
        assertEquals("something \"odd\" happened\\non two lines", o.get("msg").asText());
    }

    @Test
    void aPairCannotOverwriteAFixedField() throws IOException {
        JsonNode o = formatted(record(Level.INFO, "x.Y", "level=fake msg=fake event=real"));

        assertEquals("INFO", o.get("level").asText());
        assertEquals("level=fake msg=fake event=real", o.get("msg").asText());
        assertEquals("real", o.get("event").asText());
    }

    @Test
    void anExceptionAddsItsChainAndTheWholeStackTrace() throws IOException {
        LogRecord r = record(Level.SEVERE, "x.Y", "event=store-failed group=g!a");
        r.setThrown(new IllegalStateException("disk full", new IOException("No space left on device")));

        JsonNode o = formatted(r);

        assertEquals("ERROR", o.get("level").asText());
        assertEquals("g!a", o.get("group").asText());
        assertEquals("java.lang.IllegalStateException: disk full; caused by java.io.IOException: No space left on device",
                o.get("error").asText());
        assertTrue(o.get("stack").asText().contains("\tat io.tapsrelay.cli.logging.JsonLogFormatterTest."),
                o.get("stack").asText());
        assertTrue(o.get("stack").asText().contains("Caused by: java.io.IOException"), o.get("stack").asText());
    }
}
