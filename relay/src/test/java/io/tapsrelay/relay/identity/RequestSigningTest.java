package io.tapsrelay.relay.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tapsrelay.frames.crypto.Ed25519Keys;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequestSigningTest {
    private static final String PATH = "/_taps/federation/encrypted-groups/g!team-7/send?x=1";

    @Test
    void signedBytesAreTheSevenLinesJoinedWithoutATrailingNewline() {
        byte[] bytes = RequestSigning.signedBytes("POST", PATH, 1_700_000_000_123L,
                "relay-b.example", "relay-a.example:8448", RequestSigning.STREAM_BODY);
        assertEquals("taps.v1.request\nPOST\n" + PATH + "\n1700000000123\nrelay-b.example\nrelay-a.example:8448\nstream",
                new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void bodyHashIsLowerCaseHexSha256() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", RequestSigning.bodyHash(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                RequestSigning.bodyHash("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void signedBytesRefuseALineFeedOrABadBodyHash() {
        assertThrows(IllegalArgumentException.class,
                () -> RequestSigning.signedBytes("POST", "/a\nb", 1, "a.example", "b.example", "stream"));
        assertThrows(IllegalArgumentException.class,
                () -> RequestSigning.signedBytes("POST", "/a", 1, "a.example", "b.example", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"));
    }

    @Test
    void headersCarryAStandardEd25519SignatureOverTheSignedBytes() throws Exception {
        byte[] secret = new byte[32];
        new Random(7).nextBytes(secret);
        SigningKey key = new SigningKey("ed25519:k1", Ed25519Keys.fromSecret(secret), 0);
        String bodyHash = RequestSigning.bodyHash("{}".getBytes(StandardCharsets.UTF_8));

        Map<String, String> headers = RequestSigning.headers(key, "relay-b.example", "relay-a.example",
                "POST", PATH, 1_700_000_000_000L, bodyHash);

        assertEquals(List.of("x-taps-origin", "x-taps-destination", "x-taps-key-id", "x-taps-timestamp", "x-taps-signature"),
                List.copyOf(headers.keySet()));
        assertEquals("relay-b.example", headers.get(RequestSigning.ORIGIN));
        assertEquals("relay-a.example", headers.get(RequestSigning.DESTINATION));
        assertEquals("ed25519:k1", headers.get(RequestSigning.KEY_ID));
        assertEquals("1700000000000", headers.get(RequestSigning.TIMESTAMP));

        // An independent signer (the JDK's Ed25519) over the expected text gives the same bytes.
        byte[] pkcs8 = Base64.getMimeDecoder().decode(Ed25519Pem.write(key.keyPair())
                .replaceAll("-----[A-Z ]+-----", ""));
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        jdk.update(("taps.v1.request\nPOST\n" + PATH + "\n1700000000000\nrelay-b.example\nrelay-a.example\n" + bodyHash)
                .getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(jdk.sign(), Base64.getDecoder().decode(headers.get(RequestSigning.SIGNATURE)));
    }
}
