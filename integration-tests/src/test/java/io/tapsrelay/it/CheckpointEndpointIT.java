package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapsrelay.antientropy.AntiEntropy;
import io.tapsrelay.frames.CheckpointPayload;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.MediaTypes;
import io.tapsrelay.relay.identity.RequestSigning;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The callee's side of §7 against a scripted peer: digest and checkpoint answers, byte for byte. */
class CheckpointEndpointIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "g!callee";

    @TempDir
    Path dir;

    private RawPeer peer;
    private TestRelay config;
    private Relay relay;
    private AntiEntropy antiEntropy;

    @BeforeEach
    void startARelayHoldingThreeEvents() throws Exception {
        peer = new RawPeer("scripted-peer.test", dir);
        config = new TestRelay("callee.test", dir).with("peers:\n" + peer.peerEntry() + "antientropy:\n  enabled: false\n");
        antiEntropy = new AntiEntropy();
        relay = Relay.start(config.config(), List.of(antiEntropy));
        for (int i = 1; i <= 3; i++) {
            String content = Base64.getEncoder().encodeToString(("e" + i).getBytes(StandardCharsets.UTF_8));
            relay.publisher().publish(GROUP, null, null, content).get(10, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void stop() {
        relay.close();
        peer.close();
    }

    private HttpResult getDigest(String group) throws Exception {
        String path = "/_taps/federation/encrypted-groups/" + group + "/digest";
        return peer.get(config.url(), path, peer.signedHeaders("GET", path, config.serverId,
                RequestSigning.bodyHash(new byte[0])));
    }

    private HttpResult checkpoint(byte[] body) throws Exception {
        String path = "/_taps/federation/encrypted-groups/" + GROUP + "/checkpoint";
        return peer.post(config.url(), path, peer.signedHeaders("POST", path, config.serverId,
                RequestSigning.bodyHash(body)), body);
    }

    private static List<JsonNode> lines(HttpResult r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : new String(r.body(), StandardCharsets.UTF_8).split("\n")) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private byte[] emptyView() {
        return peer.line(FrameType.CHECKPOINT, 1, null, new CheckpointPayload(List.of(), false));
    }

    @Test
    void aSignedDigestRequestGetsTheRootHashOfTheStoreAndAnUnknownGroupIs404() throws Exception {
        HttpResult r = getDigest(GROUP);
        assertEquals(200, r.status(), new String(r.body(), StandardCharsets.UTF_8));
        JsonNode d = JSON.readTree(r.body());
        assertEquals(GROUP, d.get("group_id").asText());
        assertEquals(config.serverId, d.get("server_id").asText());
        assertEquals(3, d.get("origins").get(0).get("max_seq").asLong());
        assertEquals(antiEntropy.digest(GROUP).rootHash().hex(), d.get("root_hash").asText());
        assertEquals(404, getDigest("g!nothing-here").status());
    }

    @Test
    void anUnsignedDigestRequestIs401() throws Exception {
        HttpResult r = peer.get(config.url(), "/_taps/federation/encrypted-groups/" + GROUP + "/digest", Map.of());
        assertEquals(401, r.status());
        assertEquals(MediaTypes.PROBLEM, r.contentType());
    }

    @Test
    void aCallerThatHoldsNothingGetsTheCalleeViewAndEveryEvent() throws Exception {
        HttpResult r = checkpoint(emptyView());
        assertEquals(200, r.status(), new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(MediaTypes.isFrames(r.contentType()), r.contentType());
        List<JsonNode> frames = lines(r);
        assertEquals(4, frames.size());
        JsonNode view = frames.get(0);
        assertEquals("CHECKPOINT", view.get("type").asText());
        assertEquals(1, view.get("sequence").asLong());
        assertEquals(3, view.get("payload").get("origins").get(0).get("count").asLong());
        for (int i = 1; i <= 3; i++) {
            assertEquals("EVENT", frames.get(i).get("type").asText());
            assertEquals(i + 1, frames.get(i).get("sequence").asLong());
            assertEquals(i, frames.get(i).get("payload").get("origin_seq").asLong());
        }
    }

    @Test
    void offeredEventsAreStoredAndARefusedOneGetsAnErrorAfterTheCheckpointFrame() throws Exception {
        EventRecord good = peer.signedRecord(GROUP, Ulids.next(), 1, "good");
        EventRecord forged = peer.signedRecord(GROUP, Ulids.next(), 2, "forged");
        String tampered = forged.rawText().replace("\"origin_ts\":" + forged.originTs(), "\"origin_ts\":" + (forged.originTs() + 1));
        EventRecord bad = EventRecord.parse(tampered.getBytes(StandardCharsets.UTF_8));
        byte[] badFrame = peer.eventFrame(3, GROUP, bad);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(emptyView());
        body.writeBytes(peer.eventFrame(2, GROUP, good));
        body.writeBytes(badFrame);
        HttpResult r = checkpoint(body.toByteArray());
        assertEquals(200, r.status(), new String(r.body(), StandardCharsets.UTF_8));
        List<JsonNode> frames = lines(r);
        assertEquals("CHECKPOINT", frames.get(0).get("type").asText());
        JsonNode mine = frames.get(0).get("payload").get("origins");
        assertTrue(mine.toString().contains("\"origin_server\":\"" + peer.serverId + "\""),
                "the view is taken after storing the offered event: " + mine);
        JsonNode error = frames.get(1);
        assertEquals("ERROR", error.get("type").asText());
        assertEquals("invalid_signature", error.get("payload").get("code").asText());
        assertEquals(JSON.readTree(badFrame).get("id").asText(), error.get("payload").get("ref").asText());
        assertTrue(relay.store().get(GROUP, peer.serverId, 1).isPresent());
        assertTrue(relay.store().get(GROUP, peer.serverId, 2).isEmpty());
    }

    @Test
    void aFirstLineThatIsNotAFrameIs400WithOneMalformedFrameError() throws Exception {
        HttpResult r = checkpoint("this is not json\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.status());
        List<JsonNode> frames = lines(r);
        assertEquals(1, frames.size());
        assertEquals("malformed_frame", frames.get(0).get("payload").get("code").asText());
        assertTrue(frames.get(0).get("payload").get("fatal").asBoolean());
    }

    @Test
    void aCheckpointWithAnotherMediaTypeIs415() throws Exception {
        byte[] body = emptyView();
        String path = "/_taps/federation/encrypted-groups/" + GROUP + "/checkpoint";
        Map<String, String> headers = new java.util.LinkedHashMap<>(peer.signedHeaders("POST", path, config.serverId,
                RequestSigning.bodyHash(body)));
        headers.put("content-type", "application/json");
        assertEquals(415, peer.post(config.url(), path, headers, body).status());
    }
}
