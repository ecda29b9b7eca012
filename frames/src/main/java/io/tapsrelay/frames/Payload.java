package io.tapsrelay.frames;

/**
 * The payload of a frame: one record per known frame type, {@link UnknownPayload} for a type this
 * version does not know, and {@link InvalidPayload} for a known type whose payload could not be
 * read. The records hold what arrived; {@code io.tapsrelay.frames.validate.FrameValidator} judges
 * the values.
 */
public sealed interface Payload
        permits Hello, Credit, EventRecord, Ack, Ping, Pong, ErrorPayload, CheckpointPayload,
                UnknownPayload, InvalidPayload {}
