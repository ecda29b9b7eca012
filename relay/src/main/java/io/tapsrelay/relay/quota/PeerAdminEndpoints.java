package io.tapsrelay.relay.quota;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.frames.validate.Ids;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.Problem;
import io.tapsrelay.relay.http.RequestHead;
import io.tapsrelay.relay.http.UnaryEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The operator's quarantine controls on the admin listener: {@code GET /_taps/admin/peers},
 * {@code POST /_taps/admin/peers/{serverId}/quarantine} (optional body {@code {"reason": "…"}})
 * and {@code POST /_taps/admin/peers/{serverId}/release}. Each answers the peer's entry as JSON;
 * the store write runs on {@code io}, off the event loop.
 */
public final class PeerAdminEndpoints {
    /** Route patterns, relative to the admin listener's root. */
    public static final String LIST = "/_taps/admin/peers";
    public static final String QUARANTINE = "/_taps/admin/peers/{serverId}/quarantine";
    public static final String RELEASE = "/_taps/admin/peers/{serverId}/release";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON = 500;

    private final PeerQuarantine quarantine;
    private final Executor io;

    public PeerAdminEndpoints(PeerQuarantine quarantine, Executor io) {
        this.quarantine = quarantine;
        this.io = io;
    }

    /** {@code GET /_taps/admin/peers}: {@code {"quarantined":[{server_id, state, reason, automatic, since}]}}. */
    public UnaryEndpoint list() {
        return (head, body) -> {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode arr = root.putArray("quarantined");
            for (QuarantineEntry e : quarantine.list()) {
                arr.add(json(e, "quarantined"));
            }
            return CompletableFuture.completedFuture(HttpResult.json(root.toString().getBytes(StandardCharsets.UTF_8)));
        };
    }

    /** {@code POST …/{serverId}/quarantine}: 200 with the entry in force (an earlier one is kept). */
    public UnaryEndpoint quarantine() {
        return (head, body) -> {
            String peer = head.pathParams().get("serverId");
            Optional<HttpResult> bad = checkPeer(peer);
            if (bad.isPresent()) {
                return CompletableFuture.completedFuture(bad.get());
            }
            String reason;
            try {
                reason = reason(body);
            } catch (IllegalArgumentException e) {
                return CompletableFuture.completedFuture(Problem.badRequest(e.getMessage()).toResult());
            }
            return CompletableFuture.supplyAsync(() -> ok(json(quarantine.quarantine(peer, reason), "quarantined")), io);
        };
    }

    /** {@code POST …/{serverId}/release}: 200 with the lifted entry, or 404 when it was not quarantined. */
    public UnaryEndpoint release() {
        return (head, body) -> {
            String peer = head.pathParams().get("serverId");
            Optional<HttpResult> bad = checkPeer(peer);
            if (bad.isPresent()) {
                return CompletableFuture.completedFuture(bad.get());
            }
            return CompletableFuture.supplyAsync(() -> quarantine.release(peer)
                    .map(e -> ok(json(e, "released")))
                    .orElseGet(() -> Problem.notFound("peer " + peer + " is not quarantined").toResult()), io);
        };
    }

    private static Optional<HttpResult> checkPeer(String peer) {
        if (peer == null || !Ids.isServerId(peer)) {
            return Optional.of(Problem.badRequest("'" + peer + "' is not a server id").toResult());
        }
        return Optional.empty();
    }

    private static String reason(byte[] body) {
        if (body == null || body.length == 0) {
            return "quarantined by an operator";
        }
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getMessage());
        }
        if (n == null || n.isMissingNode() || n.isNull()) {
            return "quarantined by an operator";
        }
        if (!n.isObject() || (n.has("reason") && !n.get("reason").isTextual())) {
            throw new IllegalArgumentException("the body must be {\"reason\": \"…\"}");
        }
        String reason = n.path("reason").asText("quarantined by an operator");
        if (reason.isBlank() || reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason must be 1.." + MAX_REASON + " characters");
        }
        return reason;
    }

    static ObjectNode json(QuarantineEntry e, String state) {
        ObjectNode n = JSON.createObjectNode();
        n.put("server_id", e.serverId());
        n.put("state", state);
        n.put("reason", e.reason());
        n.put("automatic", e.automatic());
        n.put("since", java.time.Instant.ofEpochMilli(e.sinceMs()).toString());
        return n;
    }

    private static HttpResult ok(ObjectNode n) {
        return HttpResult.json(n.toString().getBytes(StandardCharsets.UTF_8));
    }
}
