package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapsrelay.relay.Relay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream metrics on {@code /metrics} and the stream entries of the status document, provoked
 * by a scripted peer: events in, ACK latency, ERRORs sent by code, outbound lag.
 */
class StreamMetricsIT {
    @TempDir
    static Path dir;
    static TestRelay config;
    static Relay relay;
    static RawPeer peer;

    @BeforeAll
    static void start() throws Exception {
        peer = new RawPeer("peer-m.test", dir);
        config = new TestRelay("relay-metrics.test", dir).with("peers:\n" + peer.peerEntry());
        relay = config.start();
    }

    @AfterAll
    static void stop() {
        relay.close();
        peer.close();
    }

    private static long value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertTrue(m.find(), series + " in\n" + metrics);
        return (long) Double.parseDouble(m.group(1));
    }

    @Test
    void acknowledgedEventsAreCountedInAndTimedUntilTheirAck() throws Exception {
        String g = "g!metrics-in";
        RawStream s = peer.open(config, g);
        assertEquals(200, s.status());
        s.write(peer.hello(1, List.of("*")), peer.event(2, g, 1, "one"), peer.event(3, g, 2, "two"));
        s.awaitAck(3);

        String metrics = AdminCalls.metrics(relay);
        assertEquals(2, value(metrics, "taps_stream_events_in_total{peer=\"peer-m.test\",group=\"" + g + "\"}"));
        long acks = value(metrics, "taps_stream_ack_latency_seconds_count");
        assertTrue(acks >= 1, "at least the ACK just received is timed: " + acks);
        assertEquals(acks, value(metrics, "taps_stream_ack_latency_seconds_bucket{le=\"+Inf\"}"));
    }

    @Test
    void aLocalEventThePeerHasNotAcknowledgedIsLag() throws Exception {
        String g = "g!metrics-lag";
        RawStream s = peer.open(config, g);
        assertEquals(200, s.status());
        // HELLO without CREDIT: the relay may send nothing, so whatever it holds stays behind.
        s.write(peer.hello(1, List.of("*")));
        relay.publisher().publish(g, null, null, "bGFn").get(10, TimeUnit.SECONDS);
        relay.publisher().publish(g, null, null, "bGFnMg==").get(10, TimeUnit.SECONDS);
        String series = "taps_outbound_lag_events{peer=\"peer-m.test\",group=\"" + g + "\"}";
        Await.until("two events behind", Duration.ofSeconds(10), () -> {
            try {
                return value(AdminCalls.metrics(relay), series) == 2;
            } catch (Exception | AssertionError e) {
                return false;
            }
        });
        JsonNode stream = null;
        for (JsonNode n : AdminCalls.status(relay).path("streams")) {
            if (n.path("group").asText().equals(g)) {
                stream = n;
            }
        }
        assertTrue(stream != null, "the stream is listed in status");
        assertEquals(2, stream.path("lag_events").asLong());
    }

    @Test
    void aSequenceViolationIsCountedUnderItsCode() throws Exception {
        String series = "taps_stream_errors_sent_total{code=\"sequence_violation\"}";
        long before = value(AdminCalls.metrics(relay), series);
        String g = "g!metrics-errors";
        RawStream s = peer.open(config, g);
        s.write(peer.hello(1, List.of("*")), peer.event(3, g, 1, "skipped frame sequence 2"));
        assertTrue(s.awaitError("sequence_violation").fatal());
        s.awaitEnd();
        assertEquals(before + 1, value(AdminCalls.metrics(relay), series));
    }
}
