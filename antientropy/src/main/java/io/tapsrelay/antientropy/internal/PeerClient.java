package io.tapsrelay.antientropy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapsrelay.antientropy.GroupDigest;
import io.tapsrelay.relay.client.PeerConnections;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.MediaTypes;
import io.tapsrelay.relay.identity.RequestSigning;
import io.tapsrelay.relay.identity.SigningKey;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Signed requests to a peer's anti-entropy endpoints (§6, §7): the digest and the checkpoint
 * exchange. Blocking calls, made from the repair pool; thread-safe.
 */
public final class PeerClient {
    /** Longest wait for one answer, beyond the connection's own response timeout. */
    private static final long ANSWER_TIMEOUT_SECONDS = 90;
    private static final long DIGEST_LIMIT_BYTES = 4 << 20;

    private final String selfId;
    private final Supplier<SigningKey> key;
    private final PeerConnections connections;
    private final Clock clock;
    private final long maxCheckpointAnswerBytes;

    /**
     * @param maxCheckpointAnswerBytes the largest checkpoint answer read; larger ones fail the round
     */
    public PeerClient(String selfId, Supplier<SigningKey> key, PeerConnections connections, Clock clock,
            long maxCheckpointAnswerBytes) {
        this.selfId = selfId;
        this.key = key;
        this.connections = connections;
        this.clock = clock;
        this.maxCheckpointAnswerBytes = maxCheckpointAnswerBytes;
    }

    /** A digest and the size of the body it came in. */
    record DigestAnswer(GroupDigest digest, long bodyBytes) {}

    /**
     * The peer's digest of {@code group}; an empty digest when the peer answers 404 (it holds no
     * event of the group).
     */
    DigestAnswer digest(String peer, URI base, String group) throws RepairFailure {
        HttpResult r = call(peer, base, "GET", path(group, "digest"), new byte[0], DIGEST_LIMIT_BYTES);
        if (r.status() == 404) {
            return new DigestAnswer(GroupDigest.of(group, peer, List.of()), r.body().length);
        }
        requireOk(peer, "digest", r);
        try {
            GroupDigest d = DigestJson.parse(r.body());
            if (!d.groupId().equals(group) || !d.serverId().equals(peer)) {
                throw new RepairFailure("the digest from " + peer + " describes " + d.groupId() + " at " + d.serverId()
                        + ", not " + group + " at " + peer);
            }
            return new DigestAnswer(d, r.body().length);
        } catch (IllegalArgumentException e) {
            throw new RepairFailure("the digest from " + peer + " is not valid: " + e.getMessage(), false, e);
        }
    }

    /** Posts a checkpoint body; the answer's body (frames) when the peer answers 200. */
    byte[] checkpoint(String peer, URI base, String group, byte[] body) throws RepairFailure {
        HttpResult r = call(peer, base, "POST", path(group, "checkpoint"), body, maxCheckpointAnswerBytes);
        requireOk(peer, "checkpoint", r);
        return r.body();
    }

    /** The §4 path; the group id keeps its {@code !} unescaped, as peers sign the path as sent. */
    static String path(String group, String endpoint) {
        return "/_taps/federation/encrypted-groups/" + group + "/" + endpoint;
    }

    private HttpResult call(String peer, URI base, String method, String path, byte[] body, long limit)
            throws RepairFailure {
        Map<String, String> headers = new LinkedHashMap<>(RequestSigning.headers(key.get(), selfId, peer, method, path,
                clock.millis(), RequestSigning.bodyHash(body)));
        if (body.length > 0) {
            headers.put("content-type", MediaTypes.FRAMES);
        }
        CompletableFuture<HttpResult> f = connections.request(base, method, path, headers, body, limit);
        try {
            return f.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            throw new RepairFailure(method + " " + base + path + " failed: " + cause.getMessage(),
                    cause instanceof IOException, cause);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new RepairFailure(method + " " + base + path + " did not answer within " + ANSWER_TIMEOUT_SECONDS + " s",
                    true, e);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new RepairFailure("interrupted while waiting for " + base + path, false, e);
        }
    }

    private static void requireOk(String peer, String what, HttpResult r) throws RepairFailure {
        if (r.status() != 200) {
            // A 503 is a peer draining: as good as down for now, so it is backed off from like one.
            throw new RepairFailure(peer + " answered the " + what + " request with " + r.status() + ": "
                    + detail(r), r.status() == 503, null);
        }
    }

    /** The problem's detail, or the start of the body. */
    private static String detail(HttpResult r) {
        String text = new String(r.body(), StandardCharsets.UTF_8);
        try {
            JsonNode n = DigestJson.JSON.readTree(r.body());
            if (n != null && n.hasNonNull("detail")) {
                return n.get("detail").asText();
            }
            if (n != null && n.path("payload").hasNonNull("message")) {
                return n.get("payload").get("message").asText();
            }
        } catch (IOException notJson) {
            // Frames or text: fall through to the raw start of the body.
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text.strip();
    }
}
