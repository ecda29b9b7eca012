package io.tapsrelay.antientropy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.antientropy.GroupDigest;
import io.tapsrelay.frames.crypto.OriginDigest;
import io.tapsrelay.frames.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestJsonTest {
    private static final Sha256 H = Sha256.digest("x".getBytes(StandardCharsets.UTF_8));

    @Test
    void aDigestWritesTheProtocolFieldsAndReadsBackEqual() {
        GroupDigest d = GroupDigest.of("g!x", "relay-a.test", List.of(new OriginDigest("o.test", 5, 3, 4, H)));
        String json = new String(DigestJson.bytes(d), StandardCharsets.UTF_8);
        assertEquals("{\"group_id\":\"g!x\",\"server_id\":\"relay-a.test\",\"origins\":[{\"origin_server\":\"o.test\","
                + "\"max_seq\":5,\"contiguous_seq\":3,\"count\":4,\"prefix_hash\":\"" + H.hex() + "\"}],\"root_hash\":\""
                + d.rootHash().hex() + "\"}", json);
        assertEquals(d, DigestJson.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDigestWhoseRootHashDoesNotMatchItsOriginsIsNotRead() {
        GroupDigest d = GroupDigest.of("g!x", "relay-a.test", List.of(new OriginDigest("o.test", 5, 3, 4, H)));
        String json = new String(DigestJson.bytes(d), StandardCharsets.UTF_8).replace("\"count\":4", "\"count\":5");
        assertThrows(IllegalArgumentException.class, () -> DigestJson.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMistypedFieldIsNamedInTheError() {
        String json = "{\"group_id\":\"g!x\",\"server_id\":\"a.test\",\"origins\":[{\"origin_server\":\"o.test\","
                + "\"max_seq\":\"5\",\"contiguous_seq\":3,\"count\":4,\"prefix_hash\":\"" + H.hex() + "\"}],\"root_hash\":\""
                + H.hex() + "\"}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DigestJson.parse(json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("origins[0] field max_seq"), e.getMessage());
    }
}
