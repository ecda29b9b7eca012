package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapsrelay.cli.KeysRotateCommand;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.crypto.ContentHash;
import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.crypto.EventSigning;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.identity.SigningKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Rotating a relay's signing key while it federates: its peer fetches the new key when it first
 * sees it, and verifies what the old key signed until the old key's {@code expired_ts}, no longer.
 */
class KeyRotationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONVERGE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void afterAnAdminRotationThePeerVerifiesTheNewKeyAndStillTheOldOne() throws Exception {
        TestRelay a = new TestRelay("rot-a.test", dir);
        TestRelay b = new TestRelay("rot-b.test", dir);
        try (RawPeer carrier = new RawPeer("carrier.test", dir)) {
            a.with("peers:\n" + TestRelay.peerEntry(b, true));
            b.with("peers:\n" + TestRelay.peerEntry(a, true) + carrier.peerEntry());
            try (Relay ra = a.start(); Relay rb = b.start()) {
                Ed25519Keys.KeyPair oldPair = currentPair(a);
                String oldKeyId = SigningKeys.keyIdOf(oldPair.publicKey());
                assertEquals(1, Clients.send(carrier, ra, a, "g!rot", "before"));
                Await.until("B stores the event signed before the rotation", CONVERGE,
                        () -> rb.store().get("g!rot", a.serverId, 1).isPresent());

                HttpResponse<String> r = AdminCalls.post(ra, "/_taps/admin/keys/rotate", "{}");
                assertEquals(200, r.statusCode(), r.body());
                JsonNode rotated = JSON.readTree(r.body());
                String newKeyId = rotated.get("key_id").asText();
                assertNotEquals(oldKeyId, newKeyId);
                assertEquals(oldKeyId, rotated.get("old_key").get("key_id").asText());
                long expiredTs = rotated.get("old_key").get("expired_ts").asLong();
                assertTrue(expiredTs > System.currentTimeMillis() + Duration.ofDays(29).toMillis(),
                        "the old key verifies for one more rotation interval (30 days by default)");

                JsonNode keys = JSON.readTree(carrier.get(a.url(), "/_taps/federation/keys/current", Map.of()).body());
                assertEquals(newKeyId, keys.get("key_id").asText());
                assertEquals(oldKeyId, keys.get("old_keys").get(0).get("key_id").asText());
                assertEquals(expiredTs, keys.get("old_keys").get(0).get("expired_ts").asLong());

                assertEquals(2, Clients.send(carrier, ra, a, "g!rot", "after"));
                Await.until("B stores the event signed with the new key", CONVERGE,
                        () -> rb.store().get("g!rot", a.serverId, 2).isPresent());
                assertEquals(newKeyId, EventRecord.parse(rb.store().get("g!rot", a.serverId, 2).orElseThrow().record())
                        .keyId());

                HttpResult late = carrier.send(b, "g!late", carrier.eventFrame(1, "g!late",
                        signedAs(a.serverId, oldPair, "g!late", "signed with the old key")));
                assertEquals(200, late.status(), () -> "the old key still verifies at B: " + body(late));
                assertTrue(rb.store().get("g!late", a.serverId, 1).isPresent());

                StringWriter out = new StringWriter();
                int exit = new CommandLine(new KeysRotateCommand()).setOut(new PrintWriter(out))
                        .execute("--admin-url", ra.adminUrl(), "--token",
                                Files.readString(ra.adminTokenFile()).strip());
                assertEquals(0, exit);
                assertTrue(out.toString().contains("old_key_id=" + newKeyId + " "), out.toString());
                assertNotEquals(newKeyId, ra.signingKeys().current().keyId(), "the CLI rotated A's key");
            }
        }
    }

    @Test
    void anEventSignedWithARetiredKeyIsUnknownOriginKeyAfterItsExpiry() throws Exception {
        TestRelay a = new TestRelay("exp-a.test", dir).with("signing:\n  rotation_interval: 3s");
        TestRelay b = new TestRelay("exp-b.test", dir);
        try (RawPeer carrier = new RawPeer("carrier.test", dir)) {
            a.with("peers:\n" + TestRelay.peerEntry(b, true));
            b.with("peers:\n" + TestRelay.peerEntry(a, true) + carrier.peerEntry());
            try (Relay ra = a.start(); Relay rb = b.start()) {
                Ed25519Keys.KeyPair oldPair = currentPair(a);
                Clients.send(carrier, ra, a, "g!exp", "first");
                Await.until("B stores A's first event", CONVERGE,
                        () -> rb.store().get("g!exp", a.serverId, 1).isPresent());
                HttpResponse<String> r = AdminCalls.post(ra, "/_taps/admin/keys/rotate", "{}");
                assertEquals(200, r.statusCode(), r.body());
                long expiredTs = JSON.readTree(r.body()).get("old_key").get("expired_ts").asLong();
                // B learns of the old key's expiry when it fetches A's keys for the new one.
                Clients.send(carrier, ra, a, "g!exp", "second");
                Await.until("B stores A's event signed with the new key", CONVERGE,
                        () -> rb.store().get("g!exp", a.serverId, 2).isPresent());

                Await.until("the old key's expired_ts passes", Duration.ofSeconds(10),
                        () -> System.currentTimeMillis() > expiredTs);
                HttpResult late = carrier.send(b, "g!expired", carrier.eventFrame(1, "g!expired",
                        signedAs(a.serverId, oldPair, "g!expired", "signed with an expired key")));
                assertEquals(422, late.status(), () -> body(late));
                JsonNode error = JSON.readTree(late.body());
                assertEquals("ERROR", error.get("type").asText());
                assertEquals("unknown_origin_key", error.get("payload").get("code").asText(), body(late));
                assertTrue(rb.store().get("g!expired", a.serverId, 1).isEmpty());

                String afterAdmin = ra.signingKeys().current().keyId();
                Await.until("A's timer rotates the key once the 3 s interval has passed", CONVERGE,
                        () -> !ra.signingKeys().current().keyId().equals(afterAdmin));
            }
        }
    }

    /** The key A signs with now, read from its PEM file as an operator could. */
    private static Ed25519Keys.KeyPair currentPair(TestRelay relay) throws Exception {
        return SigningKeys.readPem(Files.readString(relay.dataDir.resolve("signing-key.pem")));
    }

    /** An event record of origin {@code origin}, signed with {@code pair} under its key id. */
    private static EventRecord signedAs(String origin, Ed25519Keys.KeyPair pair, String group, String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        String hash = ContentHash.of(content);
        String eventId = Ulids.next();
        long ts = System.currentTimeMillis();
        String sig = EventSigning.sign(pair, EventSigning.signingInput(group, eventId, origin, 1, ts, null, hash));
        return EventRecord.create(eventId, origin, 1, ts, null, Base64.getEncoder().encodeToString(content), hash,
                SigningKeys.keyIdOf(pair.publicKey()), sig);
    }

    private static String body(HttpResult r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
