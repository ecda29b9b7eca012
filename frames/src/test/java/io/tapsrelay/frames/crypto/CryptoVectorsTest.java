package io.tapsrelay.frames.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.validate.Ulids;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Fixed vectors; every expected value was computed independently with Python's hashlib and its
 * own ULID decoding, and the Ed25519 one is RFC 8032 §7.1 test 1.
 */
class CryptoVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    static final byte[] RFC8032_SECRET = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    static final byte[] RFC8032_PUBLIC = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    static final byte[] RFC8032_EMPTY_MESSAGE_SIGNATURE = HEX.parseHex(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    @Test
    void ulidTextDecodesToItsSixteenBigEndianBytes() {
        assertEquals("01563e3ab5d3d6764c61efb99302bd5b", HEX.formatHex(Ulids.toBytes("01ARZ3NDEKTSV4RRFFQ69G5FAV")));
        assertEquals("ffffffffffffffffffffffffffffffff", HEX.formatHex(Ulids.toBytes("7ZZZZZZZZZZZZZZZZZZZZZZZZZ")));
        assertEquals("00000000000000000000000000000000", HEX.formatHex(Ulids.toBytes("00000000000000000000000000")));
        assertEquals("018ecde02c37453befcc7a6493c15898", HEX.formatHex(Ulids.toBytes("01hv6y0b1q8mxyzk3tcj9w2p4r")));
    }

    @Test
    void contentHashIsSha256OfTheDecodedBytesWithItsPrefix() {
        assertEquals("sha256:344dd1f1219015bf8451a9101252bf55ace46f3a657a7afdef8e34f91d0aa259",
                ContentHash.of("hello taps".getBytes(StandardCharsets.UTF_8)));
        assertEquals("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ContentHash.of(new byte[0]));
    }

    @Test
    void contentHashParsesOnlyTheLowerCaseForm() {
        String hash = "sha256:344dd1f1219015bf8451a9101252bf55ace46f3a657a7afdef8e34f91d0aa259";
        assertEquals(hash.substring(7), ContentHash.parse(hash).hex());
        assertFalse(ContentHash.isValid(hash.toUpperCase()));
        assertFalse(ContentHash.isValid("sha256:" + hash.substring(8)));
        assertFalse(ContentHash.isValid("sha512:" + hash.substring(7)));
        assertFalse(ContentHash.isValid(null));
        assertThrows(IllegalArgumentException.class, () -> ContentHash.parse("sha256:xyz"));
    }

    @Test
    void signingInputIsTheEightLinesJoinedWithoutATrailingNewline() {
        byte[] input = EventSigning.signingInput("g!team-7", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "relay-a.example", 42,
                1764000000000L, "alice", "sha256:344dd1f1219015bf8451a9101252bf55ace46f3a657a7afdef8e34f91d0aa259");
        assertEquals("taps.v1.event\ng!team-7\n01ARZ3NDEKTSV4RRFFQ69G5FAV\nrelay-a.example\n42\n1764000000000\nalice\n"
                + "sha256:344dd1f1219015bf8451a9101252bf55ace46f3a657a7afdef8e34f91d0aa259", new String(input, StandardCharsets.UTF_8));
        assertEquals("c92b9cb45636103f8bfbb828d401f7563def8bbea235c72c3659880e63cf6de9", Sha256.digest(input).hex());
    }

    @Test
    void signingInputWritesAnAbsentSenderAsAnEmptyLine() {
        byte[] input = EventSigning.signingInput("g!team-7", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "relay-a.example", 1, 0, null,
                "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertEquals(142, input.length);
        assertEquals("1fc8a1fe3b4d932602a83c144d3d572eb2355e141605b4f68139be37f4727ea6", Sha256.digest(input).hex());
    }

    @Test
    void signingInputEncodesANonAsciiSenderAsUtf8() {
        byte[] input = EventSigning.signingInput("g!team-7", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "relay-a.example", 1, 0, "Zoë ✓",
                "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertEquals(150, input.length);
        assertEquals("9b086502039cbe235ebe5448342049a0a4b5728e9f7c96d85420d07e0b092837", Sha256.digest(input).hex());
    }

    @Test
    void ed25519KeysReproduceRfc8032TestVectorOne() {
        Ed25519Keys.KeyPair pair = Ed25519Keys.fromSecret(RFC8032_SECRET);
        assertArrayEquals(RFC8032_PUBLIC, pair.publicKey());
        assertArrayEquals(RFC8032_EMPTY_MESSAGE_SIGNATURE, pair.sign(new byte[0]));
        assertTrue(Ed25519Keys.verify(RFC8032_PUBLIC, new byte[0], RFC8032_EMPTY_MESSAGE_SIGNATURE));
    }

    @Test
    void eventSignatureMatchesAnIndependentImplementationAndVerifies() {
        byte[] input = EventSigning.signingInput("g!team-7", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "relay-a.example", 42,
                1764000000000L, "alice", "sha256:344dd1f1219015bf8451a9101252bf55ace46f3a657a7afdef8e34f91d0aa259");
        String signature = EventSigning.sign(Ed25519Keys.fromSecret(RFC8032_SECRET), input);
        assertEquals("FPxTl3YhyR3EhUuUMSxWMWHqXedcZdK+VLeLwQA1BmnAuR4D+GNBdhL84DmgQY6mwIM+eyZkDr/s+hRUCZZ4Bw==", signature);
        Ed25519Keys.PublicKey key = Ed25519Keys.publicKey(RFC8032_PUBLIC).orElseThrow();
        assertTrue(EventSigning.verify(key, input, signature));
    }

    @Test
    void verificationFailsForAnyChangedByteOrMalformedSignatureText() {
        byte[] input = EventSigning.signingInput("g!team-7", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "relay-a.example", 42,
                1764000000000L, "alice", "sha256:344dd1f1219015bf8451a9101252bf55ace46f3a657a7afdef8e34f91d0aa259");
        Ed25519Keys.PublicKey key = Ed25519Keys.publicKey(RFC8032_PUBLIC).orElseThrow();
        String good = "FPxTl3YhyR3EhUuUMSxWMWHqXedcZdK+VLeLwQA1BmnAuR4D+GNBdhL84DmgQY6mwIM+eyZkDr/s+hRUCZZ4Bw==";
        byte[] changed = input.clone();
        changed[changed.length - 1] ^= 1;
        assertFalse(EventSigning.verify(key, changed, good));
        assertFalse(EventSigning.verify(key, input, "G" + good.substring(1)));
        assertFalse(EventSigning.verify(key, input, good.substring(0, 86)));
        assertFalse(EventSigning.verify(key, input, "not base64!"));
        assertFalse(EventSigning.verify(key, input, null));
    }

    @Test
    void prefixChainOverThreeEventsMatchesTheIndependentValues() {
        String[] ids = {"01ARZ3NDEKTSV4RRFFQ69G5FAV", "01ARZ3NDEKTSV4RRFFQ69G5FAW", "01ARZ3NDEKTSV4RRFFQ69G5FAX"};
        String[] contents = {"one", "two", "three"};
        String[] expected = {
            "513ee6ff8c5a2ff1b21e52fa5336cb01e6a7f68bf575330b184a764167eab678",
            "b0def43f2a349970b570ca01f7862525f38f05b1afdd80853d2ac93ccdc11074",
            "56c8e05515346b250bfe6d481d37772cbab80eae46801167ad8db606a111889a",
        };
        Sha256 h = Sha256.ZERO;
        for (int i = 0; i < ids.length; i++) {
            Sha256 contentHash = ContentHash.parse(ContentHash.of(contents[i].getBytes(StandardCharsets.UTF_8)));
            h = PrefixChain.step(h, Ulids.toBytes(ids[i]), contentHash.toBytes());
            assertEquals(expected[i], h.hex(), "after step " + (i + 1));
        }
    }
}
