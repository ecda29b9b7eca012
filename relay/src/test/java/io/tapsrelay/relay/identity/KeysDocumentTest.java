package io.tapsrelay.relay.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapsrelay.relay.testing.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeysDocumentTest {
    private static final Duration INTERVAL = Duration.ofDays(7);
    private static final String GOOD_KEY = Base64.getEncoder().encodeToString(
            io.tapsrelay.frames.crypto.Ed25519Keys.fromSecret(new byte[32]).publicKey());

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(1_700_000_000_000L);

    @Test
    void documentHasTheProtocolFieldsAndRoundTrips() throws IOException {
        SigningKeys keys = SigningKeys.loadOrCreate(dir.resolve("k.pem"), clock, INTERVAL);
        SigningKey old = keys.current();
        clock.advance(Duration.ofDays(1));
        SigningKey current = keys.rotate();

        byte[] json = KeysDocument.json("relay-a.example", keys);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertEquals(List.of("server_id", "key_id", "algorithm", "public_key", "valid_until", "old_keys"),
                iterable(tree.fieldNames()));
        assertEquals("ed25519", tree.get("algorithm").textValue());

        KeysDocument.ParsedKeys parsed = KeysDocument.parse(json).orElseThrow();
        assertEquals("relay-a.example", parsed.serverId());
        assertEquals(current.keyId(), parsed.keyId());
        assertArrayEquals(current.publicKey(), parsed.publicKey());
        assertEquals(current.validUntilMillis(), parsed.validUntil());
        assertEquals(List.of(new RetiredKey(old.keyId(), old.publicKey(), clock.millis() + INTERVAL.toMillis())),
                parsed.oldKeys());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void expiredOldKeysAreNotListed() throws IOException {
        SigningKeys keys = SigningKeys.loadOrCreate(dir.resolve("k.pem"), clock, INTERVAL);
        keys.rotate();
        clock.advance(INTERVAL);
        KeysDocument.ParsedKeys parsed = KeysDocument.parse(KeysDocument.json("relay-a.example", keys)).orElseThrow();
        assertEquals(List.of(), parsed.oldKeys());
    }

    @Test
    void parsedKeysFindTheCurrentKeyAndOldKeysBeforeTheyExpire() {
        String other = Base64.getEncoder().encodeToString(
                io.tapsrelay.frames.crypto.Ed25519Keys.fromSecret(new byte[] {
                    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                    17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).publicKey());
        KeysDocument.ParsedKeys parsed = KeysDocument.parseOrThrow(doc(
                "{\"server_id\":\"b.example\",\"key_id\":\"ed25519:new\",\"algorithm\":\"ed25519\",\"public_key\":\""
                        + GOOD_KEY + "\",\"valid_until\":5,\"old_keys\":[{\"key_id\":\"ed25519:old\",\"public_key\":\""
                        + other + "\",\"expired_ts\":1000}],\"extra\":true}"));
        assertArrayEquals(Base64.getDecoder().decode(GOOD_KEY), parsed.publicKeyFor("ed25519:new", 10_000).orElseThrow());
        assertArrayEquals(Base64.getDecoder().decode(other), parsed.publicKeyFor("ed25519:old", 999).orElseThrow());
        assertTrue(parsed.publicKeyFor("ed25519:old", 1000).isEmpty());
        assertTrue(parsed.publicKeyFor("ed25519:none", 0).isEmpty());
    }

    @Test
    void missingOldKeysReadsAsNone() {
        KeysDocument.ParsedKeys parsed = KeysDocument.parseOrThrow(doc(
                "{\"server_id\":\"b.example\",\"key_id\":\"ed25519:a\",\"algorithm\":\"ed25519\",\"public_key\":\""
                        + GOOD_KEY + "\",\"valid_until\":5}"));
        assertEquals(List.of(), parsed.oldKeys());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "[]",
        "{\"server_id\":\"b.example\",\"key_id\":\"ed25519:a\",\"algorithm\":\"rsa\",\"public_key\":\"%K\",\"valid_until\":5}",
        "{\"server_id\":\"B.example\",\"key_id\":\"ed25519:a\",\"algorithm\":\"ed25519\",\"public_key\":\"%K\",\"valid_until\":5}",
        "{\"server_id\":\"b.example\",\"key_id\":\"a\",\"algorithm\":\"ed25519\",\"public_key\":\"%K\",\"valid_until\":5}",
        "{\"server_id\":\"b.example\",\"key_id\":\"ed25519:a\",\"algorithm\":\"ed25519\",\"public_key\":\"AAAA\",\"valid_until\":5}",
        "{\"server_id\":\"b.example\",\"key_id\":\"ed25519:a\",\"algorithm\":\"ed25519\",\"public_key\":\"%K!\",\"valid_until\":5}",
        "{\"server_id\":\"b.example\",\"key_id\":\"ed25519:a\",\"algorithm\":\"ed25519\",\"public_key\":\"%K\",\"valid_until\":\"5\"}",
        "{\"server_id\":\"b.example\",\"key_id\":\"ed25519:a\",\"algorithm\":\"ed25519\",\"public_key\":\"%K\",\"valid_until\":5.5}",
        "{\"server_id\":\"b.example\",\"key_id\":\"ed25519:a\",\"algorithm\":\"ed25519\",\"public_key\":\"%K\"}",
        "{\"server_id\":\"b.example\",\"key_id\":\"ed25519:a\",\"algorithm\":\"ed25519\",\"public_key\":\"%K\",\"valid_until\":5,\"old_keys\":{}}",
        "{\"server_id\":\"b.example\",\"key_id\":\"ed25519:a\",\"algorithm\":\"ed25519\",\"public_key\":\"%K\",\"valid_until\":5,\"old_keys\":[{\"key_id\":\"ed25519:b\",\"public_key\":\"%K\"}]}",
        "{\"server_id\":\"b.example\",\"server_id\":\"c.example\",\"key_id\":\"ed25519:a\",\"algorithm\":\"ed25519\",\"public_key\":\"%K\",\"valid_until\":5}",
    })
    void invalidDocumentsAreRefused(String text) {
        assertTrue(KeysDocument.parse(doc(text)).isEmpty(), text);
    }

    @Test
    void refusalSaysWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeysDocument.parseOrThrow(doc(
                "{\"server_id\":\"b.example\",\"key_id\":\"ed25519:a\",\"algorithm\":\"x448\",\"public_key\":\"%K\",\"valid_until\":5}")));
        assertEquals("algorithm \"x448\" is not \"ed25519\"", e.getMessage());
    }

    @Test
    void oversizedDocumentsAreRefusedUnparsed() {
        assertTrue(KeysDocument.parse(new byte[KeysDocument.MAX_BYTES + 1]).isEmpty());
    }

    private static byte[] doc(String template) {
        return template.replace("%K", GOOD_KEY).getBytes(StandardCharsets.UTF_8);
    }
}
