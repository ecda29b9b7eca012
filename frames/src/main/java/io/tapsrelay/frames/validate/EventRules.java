package io.tapsrelay.frames.validate;

import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.crypto.ContentHash;
import io.tapsrelay.frames.crypto.Ed25519Keys;
import java.util.Optional;

/** The EVENT checks of §3 that need no storage and no keys, in their normative order. */
final class EventRules {
    private EventRules() {}

    static Optional<Violation> event(EventRecord e, String frameGroupId, String pathGroupId) {
        Optional<Violation> group = group(frameGroupId, pathGroupId);
        if (group.isPresent()) {
            return group;
        }
        if (!Ids.isUlid(e.eventId())) {
            return invalid("event_id " + Quote.of(e.eventId()) + " is not a ULID");
        }
        if (!Ids.isServerId(e.originServer())) {
            return invalid("origin_server " + Quote.of(e.originServer()) + " is not a server id");
        }
        if (e.originSeq() == null || e.originSeq() < 1) {
            return invalid("origin_seq " + e.originSeq() + " is not an integer >= 1");
        }
        if (e.originTs() == null || e.originTs() < 0) {
            return invalid("origin_ts " + e.originTs() + " is not an integer >= 0");
        }
        // The content is decoded here once and hashed below, never decoded twice.
        Optional<byte[]> content = Base64s.decode(e.content());
        if (content.isEmpty()) {
            return invalid("content " + Quote.of(e.content()) + " is not standard padded base64");
        }
        if (!ContentHash.isValid(e.contentHash())) {
            return invalid("content_hash " + Quote.of(e.contentHash()) + " is not sha256: and 64 lower-case hex digits");
        }
        if (!Ids.isKeyId(e.keyId())) {
            return invalid("key_id " + Quote.of(e.keyId()) + " is not a key id");
        }
        Optional<byte[]> signature = Base64s.decode(e.signature());
        if (signature.isEmpty() || signature.get().length != Ed25519Keys.SIGNATURE_LENGTH) {
            return invalid("signature " + Quote.of(e.signature()) + " is not standard base64 of 64 bytes");
        }
        if (!ContentHash.matches(content.get(), e.contentHash())) {
            // Only a mismatch needs the digest as text, for the message.
            return Optional.of(Violation.of(ErrorCode.CONTENT_HASH_MISMATCH,
                    "content hashes to " + ContentHash.of(content.get()) + ", record says " + e.contentHash()));
        }
        return Optional.empty();
    }

    static Optional<Violation> clientEvent(EventRecord e, String frameGroupId, String pathGroupId) {
        Optional<Violation> group = group(frameGroupId, pathGroupId);
        if (group.isPresent()) {
            return group;
        }
        if (e.content() == null) {
            return invalid("content is missing");
        }
        if (!Base64s.isStandard(e.content())) {
            return invalid("content " + Quote.of(e.content()) + " is not standard padded base64");
        }
        if (e.eventId() != null && !Ids.isUlid(e.eventId())) {
            return invalid("event_id " + Quote.of(e.eventId()) + " is not a ULID");
        }
        return Optional.empty();
    }

    private static Optional<Violation> group(String frameGroupId, String pathGroupId) {
        if (frameGroupId == null) {
            return Optional.of(Violation.of(ErrorCode.GROUP_MISMATCH, "group_id is missing, path group is " + Quote.of(pathGroupId)));
        }
        if (!frameGroupId.equals(pathGroupId)) {
            return Optional.of(Violation.of(ErrorCode.GROUP_MISMATCH,
                    "group_id " + Quote.of(frameGroupId) + " is not the path group " + Quote.of(pathGroupId)));
        }
        return Optional.empty();
    }

    private static Optional<Violation> invalid(String detail) {
        return Optional.of(Violation.of(ErrorCode.INVALID_EVENT, detail));
    }
}
