package io.tapsrelay.relay.stream;

/** Told of a session's life: the registry keeps the one active stream per (peer, group). */
public interface SessionListener {
    /** The peer's HELLO passed every check. */
    void onHello(StreamSession session);

    /** The session closed, for whatever reason. */
    void onClosed(StreamSession session);
}
