package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.MediaTypes;
import io.tapsrelay.relay.identity.RequestSigning;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every §4 status before a stream starts, and every /send failure status of §3, with the exact code. */
class HttpStatusIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "g!status";
    private static final String SEND = "/_taps/federation/encrypted-groups/" + GROUP + "/send";

    @TempDir
    static Path dir;
    static TestRelay config;
    static Relay relay;
    static RawPeer peer;
    static RawPeer stranger;
    static RawPeer blocked;

    @BeforeAll
    static void start() throws Exception {
        peer = new RawPeer("peer-s.test", dir);
        stranger = new RawPeer("stranger.test", dir);
        blocked = new RawPeer("blocked.test", dir);
        config = new TestRelay("status-relay.test", dir)
                .with("federation:\n  blocked: [\"blocked.test\"]")
                .with("peers:\n" + peer.peerEntry() + blocked.peerEntry());
        relay = config.start();
    }

    @AfterAll
    static void stop() {
        relay.close();
        peer.close();
        stranger.close();
        blocked.close();
    }

    @Test
    void anUnknownPathIs404WithAProblemDocument() throws Exception {
        HttpResult r = peer.get(config.url(), "/nothing/here", Map.of());
        assertProblem(r, 404);
    }

    @Test
    void aWrongMethodIs405AndNamesTheAllowedOnes() throws Exception {
        HttpResult r = peer.get(config.url(), SEND, Map.of());
        assertProblem(r, 405);
        assertEquals("POST", r.headers().get("allow"));
    }

    @Test
    void aBadGroupIdIs400() throws Exception {
        HttpResult r = peer.post(config.url(), "/_taps/federation/encrypted-groups/not-a-group/send",
                Map.of("content-type", MediaTypes.FRAMES), new byte[0]);
        assertProblem(r, 400);
    }

    @Test
    void anotherMediaTypeIs415() throws Exception {
        HttpResult r = peer.post(config.url(), SEND, Map.of("content-type", "application/json"), new byte[0]);
        assertProblem(r, 415);
    }

    @Test
    void aMissingSignatureIs401() throws Exception {
        HttpResult r = peer.post(config.url(), SEND, Map.of("content-type", MediaTypes.FRAMES), new byte[] {'x'});
        assertProblem(r, 401);
    }

    @Test
    void anOriginOutsideTheAllowListIs403() throws Exception {
        byte[] body = stranger.event(1, GROUP, 1, "hi");
        HttpResult r = stranger.send(config, GROUP, body);
        assertProblem(r, 403);
    }

    @Test
    void aBlockedPeerIs403() throws Exception {
        HttpResult r = blocked.send(config, GROUP, blocked.event(1, GROUP, 1, "hi"));
        assertProblem(r, 403);
    }

    @Test
    void aSignatureForAnotherBodyIs401() throws Exception {
        byte[] body = peer.event(1, GROUP, 1, "hi");
        Map<String, String> h = peer.signedHeaders("POST", SEND, config.serverId, RequestSigning.bodyHash(new byte[] {1}));
        assertProblem(peer.post(config.url(), SEND, h, body), 401);
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        byte[] body = new byte[100_000];
        java.util.Arrays.fill(body, (byte) 'x');
        HttpResult r = peer.send(config, GROUP, body);
        assertEquals(413, r.status());
    }

    @Test
    void aSendOfAValidSignedEventIsAcknowledgedWithItsOriginSeq() throws Exception {
        HttpResult r = peer.send(config, GROUP, peer.event(1, GROUP, 7, "seven"));
        assertEquals(200, r.status(), body(r));
        JsonNode ack = JSON.readTree(r.body());
        assertEquals("ACK", ack.get("type").asText());
        assertEquals(7, ack.get("payload").get("origin_seqs").get(0).asLong());
        assertTrue(relay.store().get(GROUP, peer.serverId, 7).isPresent());
    }

    @Test
    void sendFailuresAnswerOneErrorFrameWithTheStatusOfItsCode() throws Exception {
        EventRecord good = peer.signedRecord(GROUP, Ulids.next(), 9, "nine");
        String raw = new String(good.raw(), StandardCharsets.UTF_8);
        Map<String, byte[]> cases = new java.util.LinkedHashMap<>();
        cases.put("malformed_frame", "{not json\n".getBytes(StandardCharsets.UTF_8));
        cases.put("frame_too_large", ("{\"type\":\"EVENT\",\"pad\":\"" + "x".repeat(17_000) + "\"}\n")
                .getBytes(StandardCharsets.UTF_8));
        cases.put("hello_required", peer.credit(1, 1, 1));
        cases.put("sequence_violation", peer.event(2, GROUP, 9, "nine"));
        cases.put("group_mismatch", peer.eventFrame(1, "g!elsewhere", good));
        cases.put("invalid_event", rawEvent(raw.replace(good.content(), "%%%")));
        cases.put("content_hash_mismatch", rawEvent(raw.replace(good.contentHash(), "sha256:" + "1".repeat(64))));
        cases.put("unknown_origin_key", rawEvent(raw.replace(good.keyId(), "ed25519:other")));
        cases.put("invalid_signature", rawEvent(raw.replace(good.signature(),
                java.util.Base64.getEncoder().encodeToString(new byte[64]))));
        Map<String, Integer> statuses = new HashMap<>();
        for (var c : cases.entrySet()) {
            HttpResult r = peer.send(config, GROUP, c.getValue());
            JsonNode frame = JSON.readTree(r.body());
            assertEquals("ERROR", frame.get("type").asText(), c.getKey() + ": " + body(r));
            assertEquals(c.getKey(), frame.get("payload").get("code").asText(), body(r));
            statuses.put(c.getKey(), r.status());
        }
        assertEquals(Map.of("malformed_frame", 400, "frame_too_large", 413, "hello_required", 400,
                "sequence_violation", 400, "group_mismatch", 422, "invalid_event", 422, "content_hash_mismatch", 422,
                "unknown_origin_key", 422, "invalid_signature", 422), statuses);
        assertTrue(relay.store().get(GROUP, peer.serverId, 9).isEmpty());
    }

    @Test
    void anEquivocatingSendIs422AndTheFirstEventStays() throws Exception {
        assertEquals(200, peer.send(config, GROUP, peer.event(1, GROUP, 20, "first")).status());
        String first = relay.store().get(GROUP, peer.serverId, 20).orElseThrow().eventId();
        HttpResult r = peer.send(config, GROUP, peer.event(1, GROUP, 20, "second"));
        assertEquals(422, r.status());
        assertEquals("equivocation", JSON.readTree(r.body()).get("payload").get("code").asText());
        assertEquals(first, relay.store().get(GROUP, peer.serverId, 20).orElseThrow().eventId());
    }

    @Test
    void aClientRetryWithTheSameEventIdGetsTheFirstOriginSeq() throws Exception {
        String id = Ulids.next();
        HttpResult first = Clients.post(peer, relay, config, GROUP, Clients.sendBody(GROUP, id, "once"));
        HttpResult again = Clients.post(peer, relay, config, GROUP, Clients.sendBody(GROUP, id, "once"));
        assertEquals(200, first.status(), body(first));
        assertEquals(JSON.readTree(first.body()).get("payload").get("origin_seqs"),
                JSON.readTree(again.body()).get("payload").get("origin_seqs"));
        HttpResult other = Clients.post(peer, relay, config, GROUP, Clients.sendBody(GROUP, id, "other content"));
        assertEquals(422, other.status());
        assertEquals("invalid_event", JSON.readTree(other.body()).get("payload").get("code").asText());
    }

    @Test
    void aClientWithABadTokenIs401() throws Exception {
        HttpResult r = peer.post(config.url(), SEND, Map.of("authorization", "Bearer wrong", "content-type",
                MediaTypes.FRAMES), Clients.sendBody(GROUP, null, "x").getBytes(StandardCharsets.UTF_8));
        assertProblem(r, 401);
    }

    private static byte[] rawEvent(String recordJson) {
        return ("{\"type\":\"EVENT\",\"id\":\"" + Ulids.next() + "\",\"origin\":\"" + peer.serverId
                + "\",\"sequence\":1,\"group_id\":\"" + GROUP + "\",\"payload\":" + recordJson + "}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void assertProblem(HttpResult r, int status) throws Exception {
        assertEquals(status, r.status(), body(r));
        assertEquals(MediaTypes.PROBLEM, r.contentType());
        JsonNode p = JSON.readTree(r.body());
        assertEquals(status, p.get("status").asInt());
        assertTrue(p.hasNonNull("title") && p.hasNonNull("detail") && p.hasNonNull("type"), body(r));
    }

    private static String body(HttpResult r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
