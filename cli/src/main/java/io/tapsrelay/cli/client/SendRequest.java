package io.tapsrelay.cli.client;

import io.tapsrelay.frames.validate.Ids;
import io.tapsrelay.frames.validate.Ulids;
import java.net.URI;
import java.util.Objects;

/**
 * One event a client posts to a relay's {@code /send} (PROTOCOL.md §4). Immutable; the content is
 * copied in and out.
 *
 * @param relayUrl the relay's federation base URL, {@code http://} or {@code https://}, a host, an
 *     optional port, no path (one trailing {@code /} is tolerated)
 * @param token the client's bearer token
 * @param groupId the group to post to
 * @param content the event's bytes, opaque to the relay (sent base64-encoded)
 * @param eventId the idempotency key, or null to let the relay choose one; kept upper-case
 * @param sender the opaque sender string, or null for none
 */
public record SendRequest(URI relayUrl, String token, String groupId, byte[] content, String eventId, String sender) {
    public SendRequest {
        Objects.requireNonNull(relayUrl, "relayUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(content, "content");
        String scheme = relayUrl.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || relayUrl.getHost() == null) {
            throw new IllegalArgumentException("relay URL must be http:// or https:// and a host: '" + relayUrl + "'");
        }
        String path = relayUrl.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || relayUrl.getRawQuery() != null
                || relayUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("relay URL must not have a path, query or fragment: '" + relayUrl + "'");
        }
        if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new IllegalArgumentException("the token must be non-empty printable ASCII without spaces");
        }
        if (!Ids.isGroupId(groupId)) {
            throw new IllegalArgumentException("not a group id: '" + groupId
                    + "'; expected g! then 1-128 characters of A-Z a-z 0-9 . _ ~ -, such as g!team-7");
        }
        if (eventId != null) {
            if (!Ids.isUlid(eventId)) {
                throw new IllegalArgumentException("not a ULID: '" + eventId
                        + "'; expected 26 Crockford base32 characters such as 01ARZ3NDEKTSV4RRFFQ69G5FAV");
            }
            eventId = Ulids.canonical(eventId);
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** {@code <relayUrl>/_taps/federation/encrypted-groups/<groupId>/send}, the group's {@code !} unescaped. */
    public URI sendUri() {
        String base = relayUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        // Group ids hold only unreserved characters and '!', which a path may carry as it is.
        return URI.create(base + "/_taps/federation/encrypted-groups/" + groupId + "/send");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SendRequest r && relayUrl.equals(r.relayUrl) && token.equals(r.token)
                && groupId.equals(r.groupId) && java.util.Arrays.equals(content, r.content)
                && Objects.equals(eventId, r.eventId) && Objects.equals(sender, r.sender);
    }

    @Override
    public int hashCode() {
        return Objects.hash(relayUrl, token, groupId, eventId, sender) * 31 + java.util.Arrays.hashCode(content);
    }

    /** Leaves out the token and the content. */
    @Override
    public String toString() {
        return "SendRequest[" + sendUri() + ", " + content.length + " bytes, eventId=" + eventId + ", sender=" + sender + "]";
    }
}
