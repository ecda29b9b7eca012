package io.tapsrelay.frames;

import java.util.Objects;

/**
 * PONG payload (§3).
 *
 * @param pingId the id of the PING frame answered
 */
public record Pong(String pingId) implements Payload {
    public Pong {
        Objects.requireNonNull(pingId, "pingId");
    }
}
