package io.tapsrelay.frames;

import java.util.List;

/**
 * HELLO payload (§3). String and list fields are null when absent on the wire, so that the
 * validator can name what is missing.
 *
 * @param serverId the sender's server id; must equal the frame's origin
 * @param version protocol version, semver
 * @param capabilities e.g. {@code stream}, {@code send}, {@code anti-entropy}, {@code ed25519}
 * @param supportedGroups {@code *}, exact group ids, or prefixes ending in {@code *}
 * @param maxMessageSize the longest frame line, in bytes without its line feed, the sender accepts
 */
public record Hello(
        String serverId, String version, List<String> capabilities, List<String> supportedGroups, long maxMessageSize)
        implements Payload {
    public Hello {
        capabilities = capabilities == null ? null : List.copyOf(capabilities);
        supportedGroups = supportedGroups == null ? null : List.copyOf(supportedGroups);
    }
}
