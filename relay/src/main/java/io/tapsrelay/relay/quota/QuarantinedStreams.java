package io.tapsrelay.relay.quota;

import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.relay.stream.SessionRegistry;
import io.tapsrelay.relay.stream.StreamSession;
import java.util.function.Consumer;

/**
 * Ends a newly quarantined peer's open streams, after answering the batches already read (the one
 * whose offence crossed the threshold included). The contract has no quarantine code; they close
 * with {@code shutting_down} (fatal, "reconnect later"): this relay is ending the peer's streams,
 * and a reconnect then meets the honest answer, 403. {@code protocol_violation} would misstate an
 * operator's decision, and the offences that trigger quarantine are non-fatal by the contract.
 */
public final class QuarantinedStreams implements Consumer<String> {
    private final SessionRegistry registry;

    public QuarantinedStreams(SessionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(String peer) {
        for (StreamSession s : registry.sessions()) {
            if (s.peer().equals(peer)) {
                s.executor().execute(() -> s.failAfterPending(ErrorCode.SHUTTING_DOWN, "shutting_down: " + peer
                        + " is quarantined on this relay; its requests are refused with 403"));
            }
        }
    }
}
