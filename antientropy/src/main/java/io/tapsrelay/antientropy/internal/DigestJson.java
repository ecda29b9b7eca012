package io.tapsrelay.antientropy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.antientropy.GroupDigest;
import io.tapsrelay.frames.crypto.OriginDigest;
import io.tapsrelay.frames.crypto.Sha256;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The §7 digest document: {@code {group_id, server_id, origins:[{origin_server, max_seq,
 * contiguous_seq, count, prefix_hash}], root_hash}}. Thread-safe.
 */
public final class DigestJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private DigestJson() {}

    /** The document as a tree, for embedding in admin answers. */
    public static ObjectNode tree(GroupDigest d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("group_id", d.groupId());
        root.put("server_id", d.serverId());
        ArrayNode origins = root.putArray("origins");
        for (OriginDigest o : d.origins()) {
            ObjectNode n = origins.addObject();
            n.put("origin_server", o.originServer());
            n.put("max_seq", o.maxSeq());
            n.put("contiguous_seq", o.contiguousSeq());
            n.put("count", o.count());
            n.put("prefix_hash", o.prefixHash().hex());
        }
        root.put("root_hash", d.rootHash().hex());
        return root;
    }

    /** The document's compact bytes. */
    public static byte[] bytes(GroupDigest d) {
        try {
            return JSON.writeValueAsBytes(tree(d));
        } catch (IOException e) {
            throw new IllegalStateException("a digest tree always serialises", e);
        }
    }

    /**
     * Reads a peer's digest document, checking every field's form and that {@code root_hash} is the
     * hash of the entries.
     *
     * @throws IllegalArgumentException naming the first field that is wrong
     */
    public static GroupDigest parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("digest is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("digest is not a JSON object");
        }
        JsonNode origins = root.get("origins");
        if (origins == null || !origins.isArray()) {
            throw new IllegalArgumentException("digest field origins is not an array");
        }
        List<OriginDigest> entries = new ArrayList<>();
        for (int i = 0; i < origins.size(); i++) {
            JsonNode o = origins.get(i);
            String label = "origins[" + i + "]";
            if (!o.isObject()) {
                throw new IllegalArgumentException("digest field " + label + " is not an object");
            }
            entries.add(new OriginDigest(text(o, "origin_server", label), number(o, "max_seq", label),
                    number(o, "contiguous_seq", label), number(o, "count", label),
                    Sha256.fromHex(text(o, "prefix_hash", label))));
        }
        return new GroupDigest(text(root, "group_id", "digest"), text(root, "server_id", "digest"), entries,
                Sha256.fromHex(text(root, "root_hash", "digest")));
    }

    private static String text(JsonNode node, String field, String label) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(label + " field " + field + " is not a string");
        }
        return v.asText();
    }

    private static long number(JsonNode node, String field, String label) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new IllegalArgumentException(label + " field " + field + " is not an integer >= 0");
        }
        return v.asLong();
    }
}
