package io.tapsrelay.antientropy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.antientropy.GroupDigest;
import io.tapsrelay.antientropy.RepairResult;
import io.tapsrelay.config.PeerConfig;
import io.tapsrelay.frames.validate.Ids;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.Problem;
import io.tapsrelay.relay.http.RequestHead;
import io.tapsrelay.relay.http.UnaryEndpoint;
import io.tapsrelay.relay.store.EventStore;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The operators' anti-entropy endpoints on the admin listener (§8; the relay checks the bearer token):
 * {@code POST /_taps/admin/repair} and {@code GET /_taps/admin/digest?group=G[&peer=P]}.
 */
public final class AdminRoutes {
    /** The largest repair request body read: a small JSON object. */
    public static final long MAX_REPAIR_BODY = 64 * 1024;

    private final String selfId;
    private final EventStore store;
    private final GroupAccess access;
    private final RepairRunner runner;
    private final PeerClient client;
    private final Executor work;

    AdminRoutes(String selfId, EventStore store, GroupAccess access, RepairRunner runner, PeerClient client,
            Executor work) {
        this.selfId = selfId;
        this.store = store;
        this.access = access;
        this.runner = runner;
        this.client = client;
        this.work = work;
    }

    /**
     * {@code POST /_taps/admin/repair} with {@code {"group"?: "...", "peer"?: "..."}} (an empty body
     * means every pair): runs the repairs now, at most {@code max_concurrent} at once, and answers
     * {@code {"results": [...]}} once all are done.
     */
    public UnaryEndpoint repair() {
        return (head, body) -> {
            String group;
            String peer;
            try {
                JsonNode request = body.length == 0 ? DigestJson.JSON.createObjectNode() : DigestJson.JSON.readTree(body);
                if (request == null || !request.isObject()) {
                    return done(Problem.badRequest("the body must be a JSON object such as {\"group\":\"g!demo\"}"));
                }
                group = optionalText(request, "group");
                peer = optionalText(request, "peer");
            } catch (IOException | IllegalArgumentException e) {
                return done(Problem.badRequest("the body is not a repair request: " + e.getMessage()));
            }
            CompletableFuture<List<RepairResult>> runs;
            try {
                runs = runner.runAll(group, peer, RepairResult.Trigger.ADMIN);
            } catch (IllegalArgumentException e) {
                return done(Problem.badRequest(e.getMessage()));
            }
            return runs.thenApply(results -> {
                ObjectNode root = DigestJson.JSON.createObjectNode();
                ArrayNode array = root.putArray("results");
                results.forEach(r -> array.add(ResultJson.tree(r)));
                return json(root);
            });
        };
    }

    /**
     * {@code GET /_taps/admin/digest?group=G[&peer=P]}: {@code {group, local, peers:[{server_id,
     * digest | error, equal}], peer}} where {@code peer} repeats the one entry when a peer was named.
     * Without {@code peer}, every configured peer the group is exchanged with is asked.
     */
    public UnaryEndpoint digest() {
        return (head, body) -> {
            Map<String, String> query = query(head);
            String group = query.get("group");
            String peer = query.get("peer");
            if (group == null || !Ids.isGroupId(group)) {
                return done(Problem.badRequest("query parameter group must be a group id, got " + group));
            }
            if (peer != null && access.peer(peer).isEmpty()) {
                return done(Problem.badRequest("peer " + peer + " is not configured"));
            }
            List<PeerConfig> asked = peer != null ? List.of(access.peer(peer).get()) : access.peersFor(group);
            return CompletableFuture.supplyAsync(() -> compare(group, asked, peer != null), work);
        };
    }

    private HttpResult compare(String group, List<PeerConfig> asked, boolean onePeer) {
        GroupDigest local = GroupDigest.ofStates(group, selfId, store.originStates(group));
        ObjectNode root = DigestJson.JSON.createObjectNode();
        root.put("group", group);
        root.set("local", DigestJson.tree(local));
        ArrayNode peers = root.putArray("peers");
        // One peer after another: usually one or two, and a peer that is down fails fast on connect.
        for (PeerConfig p : asked) {
            peers.add(peerEntry(p, group, local));
        }
        if (onePeer && peers.size() == 1) {
            JsonNode only = peers.get(0);
            root.set("peer", only.has("digest") ? only.get("digest") : DigestJson.JSON.createObjectNode()
                    .put("error", only.path("error").asText()));
        }
        return json(root);
    }

    private ObjectNode peerEntry(PeerConfig p, String group, GroupDigest local) {
        ObjectNode n = DigestJson.JSON.createObjectNode();
        n.put("server_id", p.serverId());
        try {
            GroupDigest d = client.digest(p.serverId(), p.uri(), group).digest();
            n.set("digest", DigestJson.tree(d));
            n.put("equal", d.rootHash().equals(local.rootHash()));
        } catch (RepairFailure e) {
            n.put("error", e.getMessage());
        }
        return n;
    }

    private static String optionalText(JsonNode request, String field) {
        JsonNode v = request.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return v.asText();
    }

    private static Map<String, String> query(RequestHead head) {
        Map<String, String> out = new HashMap<>();
        int q = head.pathWithQuery().indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : head.pathWithQuery().substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException badEscape) {
                    // A malformed escape leaves the parameter out; the check that needs it says so.
                }
            }
        }
        return out;
    }

    private static HttpResult json(JsonNode root) {
        try {
            return HttpResult.json(DigestJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new IllegalStateException("an admin answer always serialises", e);
        }
    }

    private static CompletableFuture<HttpResult> done(Problem p) {
        return CompletableFuture.completedFuture(p.toResult());
    }
}
