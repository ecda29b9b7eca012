package io.tapsrelay.config;

import io.tapsrelay.config.internal.BaseUrls;
import io.tapsrelay.frames.validate.Base64s;
import io.tapsrelay.frames.validate.Ids;
import java.net.URI;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A relay this relay federates with.
 *
 * @param serverId the peer's server id, as it signs its requests
 * @param url base URL of the peer's federation listener ({@code http(s)://host[:port]}, no path;
 *     without a port the scheme's default applies); a single trailing {@code /} is dropped
 * @param groups group patterns exchanged with this peer; default {@code ["*"]}
 * @param dial whether this relay opens streams to the peer (otherwise it only accepts them);
 *     default true
 * @param keys pinned public keys: key id ({@code ed25519:...}) to standard base64 of the raw 32
 *     key bytes; empty means keys are fetched from the peer's {@code /keys/current}
 */
public record PeerConfig(String serverId, String url, List<String> groups, boolean dial, Map<String, String> keys) {
    /** Length of a raw Ed25519 public key. */
    public static final int PUBLIC_KEY_BYTES = 32;

    public PeerConfig {
        Objects.requireNonNull(serverId, "serverId");
        if (!Ids.isServerId(serverId)) {
            throw new IllegalArgumentException("peer server id is not a server id: '" + serverId + "'");
        }
        url = BaseUrls.require("peer url", url, false);
        groups = Checks.groupPatterns("peer groups", groups);
        // Keep the file's order so printing is stable and matches what the operator wrote.
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            if (!Ids.isKeyId(e.getKey())) {
                throw new IllegalArgumentException("pinned key id is not a key id: '" + e.getKey() + "'");
            }
            if (!isPublicKey(e.getValue())) {
                throw new IllegalArgumentException("pinned key " + e.getKey() + " is not base64 of 32 bytes");
            }
            copy.put(e.getKey(), e.getValue());
        }
        keys = Collections.unmodifiableMap(copy);
    }

    /** A dialed peer with every group and no pinned keys. */
    public static PeerConfig of(String serverId, String url) {
        return new PeerConfig(serverId, url, List.of(GroupPatterns.ANY), true, Map.of());
    }

    /** The base URL as a {@link URI}. */
    public URI uri() {
        return URI.create(url);
    }

    /** The raw bytes of the pinned key {@code keyId}, or null when it is not pinned. */
    public byte[] pinnedKey(String keyId) {
        String b64 = keys.get(keyId);
        return b64 == null ? null : Base64.getDecoder().decode(b64);
    }

    /**
     * Whether {@code text} is strict standard padded base64 (as on the wire) of exactly {@value
     * #PUBLIC_KEY_BYTES} bytes.
     */
    public static boolean isPublicKey(String text) {
        return Base64s.decode(text).map(bytes -> bytes.length == PUBLIC_KEY_BYTES).orElse(false);
    }
}
