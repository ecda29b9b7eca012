package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapsrelay.frames.Credit;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.http.HttpResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-peer rate quotas on streams and /send, clients' own quota, and the per-peer stream limit. */
class QuotaIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "g!quota";
    private static final String SCRIPT_TOKEN = "limited-script-token-0123456789";

    @TempDir
    static Path dir;
    static TestRelay config;
    static Relay relay;
    static RawPeer flooder;
    static RawPeer sender;
    static RawPeer streamer;

    @BeforeAll
    static void start() throws Exception {
        flooder = new RawPeer("flooder.test", dir);
        sender = new RawPeer("sender.test", dir);
        streamer = new RawPeer("streamer.test", dir);
        config = new TestRelay("quota-relay.test", dir)
                .with("limits:\n  peer_events_per_second: 1\n  client_events_per_second: 5\n  max_streams_per_peer: 2")
                .with("clients:\n  - name: limited-script\n    token_sha256: \"" + sha256Hex(SCRIPT_TOKEN) + "\"")
                .with("peers:\n" + flooder.peerEntry() + sender.peerEntry() + streamer.peerEntry());
        relay = config.start();
    }

    @AfterAll
    static void stop() {
        relay.close();
        flooder.close();
        sender.close();
        streamer.close();
    }

    @Test
    void aFloodingPeerIsToldToSlowDownWhileClientSendsKeepSucceeding() throws Exception {
        RawStream flood = flooder.open(config, GROUP);
        assertEquals(200, flood.status());
        Credit credit = (Credit) flood.await("first CREDIT", f -> f.knownType() == FrameType.CREDIT).payload();
        int events = (int) Math.min(200, credit.events());
        List<byte[]> lines = new ArrayList<>();
        lines.add(flooder.hello(1, List.of("*")));
        for (int i = 1; i <= events; i++) {
            lines.add(flooder.event(i + 1, GROUP, i, "flood " + i));
        }
        flood.write(lines.toArray(byte[][]::new));

        for (int i = 0; i < 5; i++) {
            HttpResult r = Clients.post(flooder, relay, config, GROUP, Clients.sendBody(GROUP, null, "script " + i));
            assertEquals(200, r.status(), () -> new String(r.body(), StandardCharsets.UTF_8));
        }

        flood.awaitAck(events + 1);
        ErrorPayload limited = flood.awaitError("rate_limited");
        assertFalse(limited.fatal());
        assertTrue(limited.retryAfterMs() != null && limited.retryAfterMs() > 0, "retry_after_ms " + limited.retryAfterMs());
        long refused = flood.received.stream().filter(f -> f.knownType() == FrameType.ERROR
                && ((ErrorPayload) f.payload()).code().equals("rate_limited")).count();
        long stored = relay.store().originState(GROUP, flooder.serverId).count();
        assertEquals(events, refused + stored, "every event is either stored or refused");
        assertTrue(refused >= events - 10, "at 1 event/s nearly all of " + events + " are refused, not " + refused);
        Await.until("credit returned for every event", Duration.ofSeconds(10),
                () -> creditGranted(flood) >= credit.events() + events);
        assertFalse(flood.ended.isDone(), "the stream goes on");
        assertTrue(AdminCalls.metrics(relay).contains("taps_rate_limited_total{peer=\"flooder.test\"} " + refused));
        flood.end();
    }

    @Test
    void aPeerSendOverItsQuotaIs429WithRetryAfterAndARateLimitedError() throws Exception {
        HttpResult limited = null;
        for (int i = 1; i <= 30 && limited == null; i++) {
            byte[] body = sender.event(1, GROUP, i, "one-shot " + i);
            HttpResult r = sender.send(config, GROUP, body);
            if (r.status() != 200) {
                limited = r;
            }
        }
        assertTrue(limited != null, "30 sends at 1 event/s met no refusal");
        assertEquals(429, limited.status());
        JsonNode error = JSON.readTree(limited.body());
        assertEquals("ERROR", error.get("type").asText());
        assertEquals("rate_limited", error.get("payload").get("code").asText());
        assertFalse(error.get("payload").get("fatal").asBoolean());
        long retryAfterMs = error.get("payload").get("retry_after_ms").asLong();
        assertTrue(retryAfterMs > 0 && retryAfterMs <= 1000, "retry_after_ms " + retryAfterMs);
        assertEquals(String.valueOf((retryAfterMs + 999) / 1000), limited.headers().get("retry-after"));
    }

    @Test
    void aStreamBeyondTheLimitIs429ButReplacingAnOpenOneIsNot() throws Exception {
        RawStream a = streamer.open(config, "g!one");
        RawStream b = streamer.open(config, "g!two");
        assertEquals(200, a.status());
        assertEquals(200, b.status());
        Await.until("both streams registered", Duration.ofSeconds(10), () -> relay.sessions().sessions().stream()
                .filter(s -> s.peer().equals(streamer.serverId)).count() == 2);
        RawStream third = streamer.open(config, "g!three");
        assertEquals(429, third.status());
        assertEquals("10", third.responseHeaders.get("retry-after"));
        third.awaitEnd();
        synchronized (third.rawBody) {
            assertTrue(third.rawBody.toString().contains("max_streams_per_peer"), third.rawBody.toString());
        }
        RawStream again = streamer.open(config, "g!one");
        assertEquals(200, again.status());
        again.end();
        b.end();
    }

    @Test
    void aClientOverItsOwnQuotaIs429WithRetryAfter() throws Exception {
        HttpResult limited = null;
        for (int i = 1; i <= 30 && limited == null; i++) {
            HttpResult r = flooder.post(config.url(), "/_taps/federation/encrypted-groups/" + GROUP + "/send",
                    java.util.Map.of("authorization", "Bearer " + SCRIPT_TOKEN, "content-type",
                            io.tapsrelay.relay.http.MediaTypes.FRAMES),
                    Clients.sendBody(GROUP, null, "limited " + i).getBytes(StandardCharsets.UTF_8));
            if (r.status() != 200) {
                limited = r;
            }
        }
        assertTrue(limited != null, "30 sends at 5 events/s met no refusal");
        assertEquals(429, limited.status(), new String(limited.body(), StandardCharsets.UTF_8));
        JsonNode error = JSON.readTree(limited.body());
        assertEquals("rate_limited", error.get("payload").get("code").asText());
        long retryAfterMs = error.get("payload").get("retry_after_ms").asLong();
        assertTrue(retryAfterMs > 0 && retryAfterMs <= 200, "retry_after_ms " + retryAfterMs);
        assertEquals("1", limited.headers().get("retry-after"));
    }

    private static String sha256Hex(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static long creditGranted(RawStream s) {
        long total = 0;
        for (Frame f : s.received) {
            if (f.knownType() == FrameType.CREDIT) {
                total += ((Credit) f.payload()).events();
            }
        }
        return total;
    }
}
