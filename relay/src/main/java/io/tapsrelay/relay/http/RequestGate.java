package io.tapsrelay.relay.http;

import java.util.Optional;

/**
 * A check every request passes before routing, such as "the relay is draining" (503). Stateless
 * or thread-safe: called on event loops.
 */
@FunctionalInterface
public interface RequestGate {
    /** Empty to let the request through, or the problem to answer with. */
    Optional<Problem> admit(RequestHead head);

    /** A gate that admits everything. */
    static RequestGate open() {
        return head -> Optional.empty();
    }
}
