package io.tapsrelay.relay.bench;

import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.validate.Ids;
import io.tapsrelay.relay.http.MediaTypes;
import io.tapsrelay.relay.identity.RequestSigning;
import io.tapsrelay.relay.identity.SigningKey;
import io.tapsrelay.relay.identity.SigningKeys;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A load-generator peer: a server id and an Ed25519 key that the relay under test has pinned, so
 * it accepts this peer's streams (§6) and verifies the events it originates (§3).
 *
 * @param serverId the peer's server id
 * @param key its signing key
 */
record PeerIdentity(String serverId, SigningKey key) {
    PeerIdentity {
        Objects.requireNonNull(key, "key");
        if (!Ids.isServerId(serverId)) {
            throw new IllegalArgumentException("not a server id: " + serverId);
        }
    }

    /** A fresh identity with a new random key (keys are secrets, so never seeded). */
    static PeerIdentity create(String serverId) {
        Ed25519Keys.KeyPair pair = Ed25519Keys.generate(new SecureRandom());
        return new PeerIdentity(serverId, new SigningKey(SigningKeys.keyIdOf(pair.publicKey()), pair, Long.MAX_VALUE));
    }

    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(key.publicKey());
    }

    /** The headers of a {@code /stream} request to {@code destination}, signed now. */
    Map<String, String> streamHeaders(String destination, String path) {
        Map<String, String> headers = new LinkedHashMap<>(RequestSigning.headers(key, serverId, destination, "POST",
                path, System.currentTimeMillis(), RequestSigning.STREAM_BODY));
        headers.put("content-type", MediaTypes.FRAMES);
        return headers;
    }
}
