package io.tapsrelay.frames;

/** PING payload (§3): {@code {}}; the peer answers with a PONG naming this frame's id. */
public record Ping() implements Payload {}
