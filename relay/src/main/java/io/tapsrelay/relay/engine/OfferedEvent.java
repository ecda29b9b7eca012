package io.tapsrelay.relay.engine;

import io.tapsrelay.frames.Payload;

/**
 * One EVENT frame as offered by a peer: the parts of the frame the checks need.
 *
 * @param frameId the frame's id, the {@code ref} of any ERROR about it
 * @param frameGroupId the frame's {@code group_id}, null when absent
 * @param payload an {@code EventRecord}, or an {@code InvalidPayload} when it did not parse
 */
public record OfferedEvent(String frameId, String frameGroupId, Payload payload) {}
