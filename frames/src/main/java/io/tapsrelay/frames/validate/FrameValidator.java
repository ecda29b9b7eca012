package io.tapsrelay.frames.validate;

import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.CheckpointPayload;
import io.tapsrelay.frames.Credit;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.Pong;
import io.tapsrelay.frames.codec.Timestamps;
import java.util.Optional;

/**
 * The field rules of §3 and §7, separate from parsing: the decoder only reads JSON types, and the
 * relay applies these per frame type and per endpoint. Each method returns the first rule broken,
 * or empty. Stateless and thread-safe.
 */
public final class FrameValidator {
    private FrameValidator() {}

    /**
     * Envelope forms: {@code id} a ULID, {@code origin} a server id, {@code sequence} ≥ 1,
     * {@code group_id} (when present) a group id, {@code timestamp} (when present) RFC 3339. All
     * {@code malformed_frame}.
     */
    public static Optional<Violation> envelope(Frame f) {
        return envelope(f, true);
    }

    /**
     * {@link #envelope} without the {@code origin} check, for a client {@code /send}, where the
     * origin is the client's name and the bearer token identifies the client (§3).
     */
    public static Optional<Violation> clientEnvelope(Frame f) {
        return envelope(f, false);
    }

    private static Optional<Violation> envelope(Frame f, boolean checkOrigin) {
        if (!Ids.isUlid(f.id())) {
            return malformed("id " + Quote.of(f.id()) + " is not a ULID");
        }
        if (checkOrigin && !Ids.isServerId(f.origin())) {
            return malformed("origin " + Quote.of(f.origin()) + " is not a server id");
        }
        if (f.sequence() < 1) {
            return malformed("sequence " + f.sequence() + " is below 1");
        }
        if (f.groupId() != null && !Ids.isGroupId(f.groupId())) {
            return malformed("group_id " + Quote.of(f.groupId()) + " is not a group id");
        }
        if (f.timestamp() != null && !Timestamps.isValid(f.timestamp())) {
            return malformed("timestamp " + Quote.of(f.timestamp()) + " is not an RFC 3339 date-time");
        }
        return Optional.empty();
    }

    /**
     * HELLO fields: {@code malformed_frame} for a bad {@code server_id}, a {@code version} that is not
     * semver, missing {@code capabilities} or {@code supported_groups}, a group pattern that is not
     * {@code *}, a group id or a prefix ending in {@code *}, or {@code max_message_size} below 1;
     * then {@code unsupported_version} when the major version is not 1. Whether {@code server_id}
     * equals the authenticated origin is the relay's check.
     */
    public static Optional<Violation> hello(Hello h) {
        if (!Ids.isServerId(h.serverId())) {
            return malformed("server_id " + Quote.of(h.serverId()) + " is not a server id");
        }
        Optional<String> major = Semver.major(h.version());
        if (major.isEmpty()) {
            return malformed("version " + Quote.of(h.version()) + " is not semver MAJOR.MINOR.PATCH");
        }
        if (h.capabilities() == null) {
            return malformed("capabilities is missing");
        }
        if (h.supportedGroups() == null) {
            return malformed("supported_groups is missing");
        }
        for (String pattern : h.supportedGroups()) {
            if (!GroupPatterns.isValidPattern(pattern)) {
                return malformed("supported_groups entry " + Quote.of(pattern) + " is not *, a group id or a prefix ending in *");
            }
        }
        if (h.maxMessageSize() < 1) {
            return malformed("max_message_size " + h.maxMessageSize() + " is below 1");
        }
        if (!major.get().equals("1")) {
            return Optional.of(Violation.of(ErrorCode.UNSUPPORTED_VERSION,
                    "version " + Quote.of(h.version()) + " has major " + major.get() + ", supported major 1"));
        }
        return Optional.empty();
    }

    /** CREDIT: {@code malformed_frame} when {@code events} or {@code bytes} is negative. */
    public static Optional<Violation> credit(Credit c) {
        if (c.events() < 0 || c.bytes() < 0) {
            return malformed("credit events " + c.events() + " and bytes " + c.bytes() + " must be >= 0");
        }
        return Optional.empty();
    }

    /**
     * ACK: {@code malformed_frame} when {@code through_sequence} is negative, an {@code event_ids}
     * entry is not a ULID, or an {@code origin_seqs} entry is below 1.
     */
    public static Optional<Violation> ack(Ack a) {
        if (a.throughSequence() < 0) {
            return malformed("through_sequence " + a.throughSequence() + " is below 0");
        }
        for (String id : a.eventIds()) {
            if (!Ids.isUlid(id)) {
                return malformed("event_ids entry " + Quote.of(id) + " is not a ULID");
            }
        }
        for (long seq : a.originSeqs()) {
            if (seq < 1) {
                return malformed("origin_seqs entry " + seq + " is below 1");
            }
        }
        return Optional.empty();
    }

    /** PONG: {@code malformed_frame} when {@code ping_id} is not a ULID. */
    public static Optional<Violation> pong(Pong p) {
        if (!Ids.isUlid(p.pingId())) {
            return malformed("ping_id " + Quote.of(p.pingId()) + " is not a ULID");
        }
        return Optional.empty();
    }

    /**
     * CHECKPOINT view: {@code malformed_frame} for a bad or repeated {@code origin_server}, counts
     * that break {@code 0 <= contiguous_seq <= count <= max_seq}, hashes that are not 64 lower-case
     * hex digits, or {@code missing} ranges that are not ascending, disjoint and within
     * {@code 1..max_seq}.
     */
    public static Optional<Violation> checkpoint(CheckpointPayload c) {
        return CheckpointRules.checkpoint(c);
    }

    /**
     * A peer's EVENT, in the normative §3 order: {@code group_mismatch} (frame {@code group_id}
     * missing or not the path group); {@code invalid_event} (event_id a ULID, origin_server a server
     * id, origin_seq ≥ 1, origin_ts ≥ 0, content strict padded base64, content_hash {@code sha256:}
     * and 64 lower-case hex, key_id a key id, signature base64 of 64 bytes; all required, sender
     * optional); {@code content_hash_mismatch}. The duplicate check, key lookup and signature
     * verification follow in the relay.
     */
    public static Optional<Violation> event(EventRecord e, String frameGroupId, String pathGroupId) {
        return EventRules.event(e, frameGroupId, pathGroupId);
    }

    /**
     * A client's {@code /send} EVENT: {@code group_mismatch} as for {@link #event}, then
     * {@code invalid_event} unless {@code content} is present strict padded base64 and
     * {@code event_id}, when present, a ULID. Other fields are ignored: the relay fills them in.
     */
    public static Optional<Violation> clientEvent(EventRecord e, String frameGroupId, String pathGroupId) {
        return EventRules.clientEvent(e, frameGroupId, pathGroupId);
    }

    private static Optional<Violation> malformed(String detail) {
        return Optional.of(Violation.of(ErrorCode.MALFORMED_FRAME, detail));
    }
}
