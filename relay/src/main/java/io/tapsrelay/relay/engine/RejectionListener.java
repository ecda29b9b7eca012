package io.tapsrelay.relay.engine;

/** Told of every event a peer offered that intake refused, e.g. to count a peer's offences. */
@FunctionalInterface
public interface RejectionListener {
    /** Called on the thread that finished the batch; must not block. */
    void onRejected(String fromPeer, IntakeResult.Rejected rejection);
}
