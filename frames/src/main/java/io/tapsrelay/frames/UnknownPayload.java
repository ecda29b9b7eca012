package io.tapsrelay.frames;

/**
 * The payload of a frame whose {@code type} this version does not know. It is not interpreted: the
 * relay answers {@code unknown_frame_type} and goes on. Encoded as {@code {}}.
 */
public record UnknownPayload() implements Payload {}
