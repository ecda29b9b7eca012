package io.tapsrelay.relay.identity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.validate.Ids;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code GET /_taps/federation/keys/current} (PROTOCOL.md §4):
 * {@code {server_id, key_id, algorithm:"ed25519", public_key, valid_until, old_keys:[{key_id,
 * public_key, expired_ts}]}}, public keys as standard base64 of the raw 32 bytes, times in unix ms.
 *
 * <p>Written by this relay, parsed when fetching a peer's keys. Thread-safe.
 */
public final class KeysDocument {
    /** The only algorithm of protocol version 1. */
    public static final String ALGORITHM = "ed25519";
    /** Larger bodies are refused unparsed: a real document with a few old keys is well under 1 KiB. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private KeysDocument() {}

    /**
     * A peer's published keys.
     *
     * @param serverId the server that published them
     * @param keyId its current key id
     * @param publicKey its current raw public key (copied in and out)
     * @param validUntil when it expects to rotate, unix ms; a hint for how long to cache the document
     * @param oldKeys retired keys as published, including any that expired since
     */
    public record ParsedKeys(String serverId, String keyId, byte[] publicKey, long validUntil, List<RetiredKey> oldKeys) {
        public ParsedKeys {
            if (!Ids.isServerId(serverId)) {
                throw new IllegalArgumentException("not a server id: " + serverId);
            }
            if (!Ids.isKeyId(keyId)) {
                throw new IllegalArgumentException("not a key id: " + keyId);
            }
            if (publicKey == null || publicKey.length != Ed25519Keys.PUBLIC_KEY_LENGTH) {
                throw new IllegalArgumentException("public key must be 32 bytes");
            }
            publicKey = publicKey.clone();
            oldKeys = List.copyOf(oldKeys);
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        /**
         * The raw key that verifies signatures under {@code keyId} at {@code nowMillis}: the current
         * key (whatever {@code validUntil} says: a peer that missed its rotation still signs with
         * it), or an old key before its {@code expired_ts}.
         */
        public Optional<byte[]> publicKeyFor(String keyId, long nowMillis) {
            if (this.keyId.equals(keyId)) {
                return Optional.of(publicKey.clone());
            }
            return oldKeys.stream()
                    .filter(k -> k.keyId().equals(keyId) && !k.expiredAt(nowMillis))
                    .map(RetiredKey::publicKey)
                    .findFirst();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParsedKeys p
                    && serverId.equals(p.serverId)
                    && keyId.equals(p.keyId)
                    && Arrays.equals(publicKey, p.publicKey)
                    && validUntil == p.validUntil
                    && oldKeys.equals(p.oldKeys);
        }

        @Override
        public int hashCode() {
            return Objects.hash(serverId, keyId, Arrays.hashCode(publicKey), validUntil, oldKeys);
        }

        @Override
        public String toString() {
            return "ParsedKeys[" + serverId + ", " + keyId + ", " + Base64.getEncoder().encodeToString(publicKey)
                    + ", validUntil=" + validUntil + ", oldKeys=" + oldKeys + "]";
        }
    }

    /** This relay's keys/current body: the current key and the retired keys not yet expired. */
    public static byte[] json(String serverId, SigningKeys keys) {
        if (!Ids.isServerId(serverId)) {
            throw new IllegalArgumentException("not a server id: " + serverId);
        }
        SigningKey current = keys.current();
        ObjectNode root = JSON.createObjectNode()
                .put("server_id", serverId)
                .put("key_id", current.keyId())
                .put("algorithm", ALGORITHM)
                .put("public_key", base64(current.publicKey()))
                .put("valid_until", current.validUntilMillis());
        ArrayNode old = root.putArray("old_keys");
        for (RetiredKey r : keys.retired()) {
            old.addObject()
                    .put("key_id", r.keyId())
                    .put("public_key", base64(r.publicKey()))
                    .put("expired_ts", r.expiredTs());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serialising a tree of strings and numbers cannot fail", e);
        }
    }

    /** A peer's keys/current body, or empty when it is not a valid document; see {@link #parseOrThrow}. */
    public static Optional<ParsedKeys> parse(byte[] json) {
        try {
            return Optional.of(parseOrThrow(json));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A peer's keys/current body. Every public key must be a valid Ed25519 point; unknown fields
     * are ignored; a missing {@code old_keys} reads as none.
     *
     * @throws IllegalArgumentException saying what is wrong, for logs about a peer's bad document
     */
    public static ParsedKeys parseOrThrow(byte[] json) {
        if (json.length > MAX_BYTES) {
            throw new IllegalArgumentException("keys document of " + json.length + " bytes > max " + MAX_BYTES);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("keys document is not JSON: " + why, e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("keys document is not a JSON object");
        }
        String algorithm = text(root, "algorithm");
        if (!ALGORITHM.equals(algorithm)) {
            throw new IllegalArgumentException("algorithm \"" + algorithm + "\" is not \"" + ALGORITHM + "\"");
        }
        String serverId = text(root, "server_id");
        if (!Ids.isServerId(serverId)) {
            throw new IllegalArgumentException("server_id \"" + serverId + "\" is not a server id");
        }
        List<RetiredKey> oldKeys = new ArrayList<>();
        JsonNode old = root.get("old_keys");
        if (old != null && !old.isNull()) {
            if (!old.isArray()) {
                throw new IllegalArgumentException("old_keys is not an array");
            }
            for (JsonNode k : old) {
                if (!k.isObject()) {
                    throw new IllegalArgumentException("old_keys entry is not an object");
                }
                oldKeys.add(new RetiredKey(keyId(k), publicKey(k), integer(k, "expired_ts")));
            }
        }
        return new ParsedKeys(serverId, keyId(root), publicKey(root), integer(root, "valid_until"), oldKeys);
    }

    private static String keyId(JsonNode node) {
        String keyId = text(node, "key_id");
        if (!Ids.isKeyId(keyId)) {
            throw new IllegalArgumentException("key_id \"" + keyId + "\" is not a key id");
        }
        return keyId;
    }

    private static byte[] publicKey(JsonNode node) {
        String text = text(node, "public_key");
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public_key is not standard base64: " + e.getMessage(), e);
        }
        if (Ed25519Keys.publicKey(raw).isEmpty()) {
            throw new IllegalArgumentException("public_key of " + raw.length + " bytes is not an Ed25519 public key");
        }
        return raw;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field + " is missing or not a string");
        }
        return v.textValue();
    }

    private static long integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is missing or not an integer");
        }
        return v.longValue();
    }

    private static String base64(byte[] raw) {
        return Base64.getEncoder().encodeToString(raw);
    }
}
