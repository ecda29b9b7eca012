package io.tapsrelay.cli.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapsrelay.config.ConfigLoader;
import io.tapsrelay.config.LoggingConfig;
import io.tapsrelay.relay.Relay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The JSON lines two real relays write about their streams carry {@code peer} and {@code group} fields. */
@ExtendWith(RootLoggerRestored.class)
class StreamLogFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyJsonLineAboutAStreamHasPeerAndGroupFields() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogSetup.configure(new LoggingConfig("json", "info"), out);
        int portA = freePort();
        int portB = freePort();
        try (Relay ra = Relay.start(ConfigLoader.parse(yaml("lf-a.test", portA, "lf-b.test", portB, true), "a.yaml"),
                        List.of());
                Relay rb = Relay.start(ConfigLoader.parse(yaml("lf-b.test", portB, "lf-a.test", portA, false), "b.yaml"),
                        List.of())) {
            // A dialer opens streams for the groups it holds: one event makes g!lf held.
            ra.publisher().publish("g!lf", null, null, "eA==").get(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (streamLines(out, "stream-open").size() < 2 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // polls a condition; the deadline bounds it
            }
        }
        List<JsonNode> opened = streamLines(out, "stream-open");
        assertTrue(opened.size() >= 2, "both sides log the stream opening: " + out.toString(StandardCharsets.UTF_8));
        List<JsonNode> all = streamLines(out, null);
        assertFalse(streamLines(out, "stream-closed").isEmpty(), "closing the relays closes the streams");
        for (JsonNode line : all) {
            assertTrue(line.path("peer").asText().matches("lf-[ab]\\.test"), "peer field: " + line);
            assertTrue(line.path("group").asText().equals("g!lf"), "group field: " + line);
        }
    }

    /** The JSON lines whose event starts with {@code stream-} (or is exactly {@code event} when given). */
    private static List<JsonNode> streamLines(ByteArrayOutputStream out, String event) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            String e = n.path("event").asText();
            if (event == null ? e.startsWith("stream-") : e.equals(event)) {
                lines.add(n);
            }
        }
        return lines;
    }

    private String yaml(String id, int port, String peer, int peerPort, boolean dial) {
        return "server_id: \"" + id + "\"\nlisten: \"127.0.0.1:" + port + "\"\nadmin_listen: \"127.0.0.1:0\"\n"
                + "storage:\n  path: \"" + dir.resolve(id) + "\"\n"
                + "federation:\n  supported_groups: [\"g!lf\"]\n"
                + "peers:\n  - server_id: \"" + peer + "\"\n    url: http://127.0.0.1:" + peerPort + "\n    dial: " + dial
                + "\n    groups: [\"g!lf\"]\n"
                + "antientropy:\n  enabled: false\n";
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
