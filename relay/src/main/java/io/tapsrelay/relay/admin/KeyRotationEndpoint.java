package io.tapsrelay.relay.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.Problem;
import io.tapsrelay.relay.http.RequestHead;
import io.tapsrelay.relay.http.UnaryEndpoint;
import io.tapsrelay.relay.identity.KeyRotation;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code POST /_taps/admin/keys/rotate}: replaces the signing key now. Answers
 * {@code {"key_id", "valid_until", "old_key": {"key_id", "expired_ts"}}} (unix ms), or {@code 500}
 * naming the file that could not be written.
 */
public final class KeyRotationEndpoint implements UnaryEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyRotation rotation;
    private final Executor executor;

    /** @param executor where the key files are written: not on an event loop */
    public KeyRotationEndpoint(KeyRotation rotation, Executor executor) {
        this.rotation = rotation;
        this.executor = executor;
    }

    @Override
    public CompletableFuture<HttpResult> handle(RequestHead head, byte[] body) {
        return CompletableFuture.supplyAsync(() -> {
            KeyRotation.Rotated r;
            try {
                r = rotation.rotate();
            } catch (IOException e) {
                return Problem.internalError("cannot rotate the signing key: " + e.getMessage()).toResult();
            }
            ObjectNode root = JSON.createObjectNode();
            root.put("key_id", r.keyId());
            root.put("valid_until", r.validUntil());
            ObjectNode old = root.putObject("old_key");
            old.put("key_id", r.oldKeyId());
            old.put("expired_ts", r.oldExpiredTs());
            return HttpResult.json(root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }, executor);
    }
}
