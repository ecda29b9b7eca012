package io.tapsrelay.frames;

/**
 * CREDIT payload (§3): a grant of EVENT frames and bytes that adds to earlier grants. Negative
 * values can arrive and are held as they came; the validator rejects them.
 *
 * @param events EVENT frames the sender may additionally send
 * @param bytes line bytes, each line counted with its line feed, the sender may additionally send
 */
public record Credit(long events, long bytes) implements Payload {}
