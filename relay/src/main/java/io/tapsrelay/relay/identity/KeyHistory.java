package io.tapsrelay.relay.identity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.frames.crypto.Ed25519Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The side file next to the signing key PEM: when the current key was created (the PEM cannot say)
 * and which retired keys still verify. Public data only; it never holds a secret.
 *
 * <pre>{"version":1,
 *  "current":{"key_id":"ed25519:…","public_key":"…","created_ts":1700000000000},
 *  "retired":[{"key_id":"ed25519:…","public_key":"…","expired_ts":1700000600000}]}</pre>
 *
 * @param current the key the PEM held when this file was last written; empty before the first write
 * @param retired retired keys, oldest first
 */
record KeyHistory(Optional<Current> current, List<RetiredKey> retired) {
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    KeyHistory {
        retired = List.copyOf(retired);
    }

    /** The current key as last recorded. */
    record Current(String keyId, byte[] publicKey, long createdTs) {
        Current {
            publicKey = publicKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }
    }

    /** The side file for the PEM at {@code pemPath}: same directory, name + {@code .history.json}. */
    static Path pathFor(Path pemPath) {
        return pemPath.resolveSibling(pemPath.getFileName() + ".history.json");
    }

    static KeyHistory empty() {
        return new KeyHistory(Optional.empty(), List.of());
    }

    /**
     * Reads the file; a missing file is an empty history.
     *
     * @throws IOException when the file exists but is not a history this code wrote; refusing is
     *     safer than starting over, which would forget retired keys peers still need
     */
    static KeyHistory read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return empty();
        }
        try {
            return parse(JSON.readTree(bytes));
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + ": not a valid signing key history (" + e.getMessage()
                    + "); fix or remove it (removing it forgets retired keys)", e);
        }
    }

    private static KeyHistory parse(JsonNode root) {
        if (root == null || !root.isObject() || root.path("version").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("expected an object with \"version\":" + VERSION);
        }
        Optional<Current> current = Optional.empty();
        JsonNode c = root.path("current");
        if (c.isObject()) {
            current = Optional.of(new Current(
                    text(c, "key_id"), publicKey(c), number(c, "created_ts")));
        }
        List<RetiredKey> retired = new ArrayList<>();
        for (JsonNode r : root.path("retired")) {
            retired.add(new RetiredKey(text(r, "key_id"), publicKey(r), number(r, "expired_ts")));
        }
        return new KeyHistory(current, retired);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return v.asText();
    }

    private static long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an integer");
        }
        return v.asLong();
    }

    private static byte[] publicKey(JsonNode node) {
        byte[] raw = Base64.getDecoder().decode(text(node, "public_key"));
        if (raw.length != Ed25519Keys.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("\"public_key\" must be 32 bytes, got " + raw.length);
        }
        return raw;
    }

    /** Writes this history to {@code file} atomically. */
    void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        current.ifPresent(c -> root.putObject("current")
                .put("key_id", c.keyId())
                .put("public_key", Base64.getEncoder().encodeToString(c.publicKey()))
                .put("created_ts", c.createdTs()));
        ArrayNode list = root.putArray("retired");
        for (RetiredKey r : retired) {
            list.addObject()
                    .put("key_id", r.keyId())
                    .put("public_key", Base64.getEncoder().encodeToString(r.publicKey()))
                    .put("expired_ts", r.expiredTs());
        }
        AtomicFiles.writeOwnerOnly(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
