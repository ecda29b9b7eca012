package io.tapsrelay.relay.stream;

import java.time.Duration;
import java.util.List;

/**
 * What one relay brings to every stream it takes part in.
 *
 * @param selfId this relay's server id
 * @param version protocol version sent in HELLO
 * @param capabilities sent in HELLO
 * @param supportedGroups this relay's group patterns
 * @param maxMessageSize the longest frame line this relay accepts
 * @param windowEvents EVENT frames a peer may have outstanding (granted and not yet returned)
 * @param windowBytes bytes a peer may have outstanding
 * @param keepaliveInterval write a PING after this long without writing
 * @param keepaliveTimeout close with idle_timeout after this long without reading
 */
public record SessionSettings(
        String selfId,
        String version,
        List<String> capabilities,
        List<String> supportedGroups,
        int maxMessageSize,
        int windowEvents,
        long windowBytes,
        Duration keepaliveInterval,
        Duration keepaliveTimeout) {

    public SessionSettings {
        capabilities = List.copyOf(capabilities);
        supportedGroups = List.copyOf(supportedGroups);
        if (windowEvents < 1 || windowBytes < maxMessageSize + 1L) {
            throw new IllegalArgumentException("a credit window must admit one maximal frame: " + windowEvents
                    + " events, " + windowBytes + " bytes, max message " + maxMessageSize);
        }
    }
}
