package io.tapsrelay.antientropy.internal;

import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.Problem;
import io.tapsrelay.relay.http.RequestHead;
import io.tapsrelay.relay.identity.AuthResult;
import io.tapsrelay.relay.identity.RequestAuthenticator;
import io.tapsrelay.relay.identity.RequestSigning;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * Admits a peer request to a group endpoint: the §6 signature (checked on the verifier pool, never on
 * an event loop), then whether the peer may exchange the group; the endpoint then runs on the
 * anti-entropy pool. Refusals are problem+json statuses: the exchange has not started.
 */
final class PeerRequests {
    private final RequestAuthenticator authenticator;
    private final Executor verifiers;
    private final Executor work;
    private final GroupAccess access;

    PeerRequests(RequestAuthenticator authenticator, Executor verifiers, Executor work, GroupAccess access) {
        this.authenticator = authenticator;
        this.verifiers = verifiers;
        this.work = work;
        this.access = access;
    }

    /** Runs {@code serve(peer, body)} on the work pool once the request is admitted. */
    CompletableFuture<HttpResult> admit(RequestHead head, byte[] body, BiFunction<String, byte[], HttpResult> serve) {
        return CompletableFuture.supplyAsync(() -> authenticator.authenticate(head.method(), head.pathWithQuery(),
                        head::header, RequestSigning.bodyHash(body)), verifiers)
                .thenCompose(f -> f)
                .thenApplyAsync(auth -> {
                    if (auth instanceof AuthResult.Rejected r) {
                        return new Problem(r.status(), r.title(), r.detail()).toResult();
                    }
                    String peer = ((AuthResult.Authenticated) auth).origin();
                    if (!access.mayExchange(peer, head.groupId())) {
                        return Problem.forbidden("group " + head.groupId() + " is not exchanged with " + peer
                                + ": this relay's supported_groups or the peer's configured groups do not match it")
                                .toResult();
                    }
                    return serve.apply(peer, body);
                }, work);
    }
}
