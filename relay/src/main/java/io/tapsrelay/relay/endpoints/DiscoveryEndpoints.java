package io.tapsrelay.relay.endpoints;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.UnaryEndpoint;
import io.tapsrelay.relay.identity.KeysDocument;
import io.tapsrelay.relay.identity.SigningKeys;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The unauthenticated documents of §4: server discovery, capabilities and the signing keys. */
public final class DiscoveryEndpoints {
    /** Protocol version this relay speaks. */
    public static final String PROTOCOL_VERSION = "1.0.0";
    /** Capabilities announced in caps and HELLO. */
    public static final List<String> CAPABILITIES = List.of("stream", "send", "anti-entropy", "ed25519");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String serverId;
    private final String federationUrl;
    private final String software;
    private final List<String> supportedGroups;
    private final int maxMessageSize;
    private final SigningKeys keys;

    public DiscoveryEndpoints(String serverId, String federationUrl, String software, List<String> supportedGroups,
            int maxMessageSize, SigningKeys keys) {
        this.serverId = serverId;
        this.federationUrl = federationUrl;
        this.software = software;
        this.supportedGroups = List.copyOf(supportedGroups);
        this.maxMessageSize = maxMessageSize;
        this.keys = keys;
    }

    /** {@code GET /.well-known/taps/server}, cacheable for an hour. */
    public UnaryEndpoint server() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("server_id", serverId);
        doc.put("federation_url", federationUrl);
        doc.put("version", PROTOCOL_VERSION);
        doc.put("software", software);
        byte[] body = bytes(doc);
        return (head, req) -> CompletableFuture.completedFuture(
                HttpResult.json(body, Map.of("cache-control", "max-age=3600")));
    }

    /** {@code GET /_taps/federation/caps}. */
    public UnaryEndpoint caps() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("server_id", serverId);
        doc.putArray("versions").add(PROTOCOL_VERSION);
        ArrayNode caps = doc.putArray("capabilities");
        CAPABILITIES.forEach(caps::add);
        ArrayNode groups = doc.putArray("supported_groups");
        supportedGroups.forEach(groups::add);
        doc.put("max_message_size", maxMessageSize);
        byte[] body = bytes(doc);
        return (head, req) -> CompletableFuture.completedFuture(HttpResult.json(body));
    }

    /** {@code GET /_taps/federation/keys/current}: rendered per request, since keys rotate. */
    public UnaryEndpoint keys() {
        return (head, req) -> CompletableFuture.completedFuture(HttpResult.json(KeysDocument.json(serverId, keys)));
    }

    private static byte[] bytes(ObjectNode doc) {
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
