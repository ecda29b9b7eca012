package io.tapsrelay.antientropy.internal;

import io.tapsrelay.antientropy.GroupDigest;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.Problem;
import io.tapsrelay.relay.http.RequestHead;
import io.tapsrelay.relay.http.UnaryEndpoint;
import io.tapsrelay.relay.store.EventStore;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET …/encrypted-groups/{groupId}/digest} (§7): the group's digest from the per-origin state
 * the store keeps current on every write, so answering costs O(origins) and never reads an event. A
 * group without events is 404.
 */
public final class DigestEndpoint implements UnaryEndpoint {
    private final String selfId;
    private final EventStore store;
    private final PeerRequests requests;

    DigestEndpoint(String selfId, EventStore store, PeerRequests requests) {
        this.selfId = selfId;
        this.store = store;
        this.requests = requests;
    }

    @Override
    public CompletableFuture<HttpResult> handle(RequestHead head, byte[] body) {
        return requests.admit(head, body, (peer, b) -> answer(head.groupId()));
    }

    private HttpResult answer(String group) {
        GroupDigest digest = GroupDigest.ofStates(group, selfId, store.originStates(group));
        if (digest.isEmpty()) {
            return Problem.notFound("this relay holds no event of " + group).toResult();
        }
        return HttpResult.json(DigestJson.bytes(digest));
    }
}
