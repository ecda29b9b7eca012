package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;

/** A local script posting to a relay's {@code /send} with the relay's own client token. */
final class Clients {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Clients() {}

    static String sendBody(String group, String eventId, String text) {
        String content = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return "{\"type\":\"EVENT\",\"id\":\"" + io.tapsrelay.frames.validate.Ulids.next()
                + "\",\"origin\":\"script\",\"sequence\":1,\"group_id\":\"" + group + "\",\"payload\":{"
                + (eventId == null ? "" : "\"event_id\":\"" + eventId + "\",") + "\"content\":\"" + content + "\"}}\n";
    }

    static HttpResult post(RawPeer transport, Relay relay, TestRelay config, String group, String body) throws Exception {
        String token = Files.readString(relay.clientTokenFile()).trim();
        return transport.post(config.url(), "/_taps/federation/encrypted-groups/" + group + "/send",
                Map.of("authorization", "Bearer " + token, "content-type", MediaTypes.FRAMES),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts one event and returns its origin_seq from the ACK. */
    static long send(RawPeer transport, Relay relay, TestRelay config, String group, String text) throws Exception {
        HttpResult r = post(transport, relay, config, group, sendBody(group, null, text));
        assertEquals(200, r.status(), () -> new String(r.body(), StandardCharsets.UTF_8));
        JsonNode ack = JSON.readTree(r.body());
        return ack.get("payload").get("origin_seqs").get(0).asLong();
    }
}
