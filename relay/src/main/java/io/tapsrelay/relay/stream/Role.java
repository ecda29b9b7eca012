package io.tapsrelay.relay.stream;

/** Which side opened the stream: the peer (we accepted it) or this relay (we dialed it). */
public enum Role {
    ACCEPTED,
    DIALED
}
