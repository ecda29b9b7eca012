package io.tapsrelay.relay.admin;

import io.tapsrelay.relay.http.Problem;
import io.tapsrelay.relay.http.UnaryEndpoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;

/** Lets a request through only with {@code Authorization: Bearer <the admin token>} (§8). */
public final class AdminAuth {
    private final byte[] expected;

    public AdminAuth(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code endpoint} behind the token check; a missing or wrong token is 401. */
    public UnaryEndpoint guard(UnaryEndpoint endpoint) {
        return (head, body) -> {
            String header = head.header("authorization");
            byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(expected, given)) {
                return CompletableFuture.completedFuture(Problem.unauthorized(
                        "admin requests need 'Authorization: Bearer <token>' with the token from the relay's "
                                + "data directory (admin-token)").toResult());
            }
            return endpoint.handle(head, body);
        };
    }
}
