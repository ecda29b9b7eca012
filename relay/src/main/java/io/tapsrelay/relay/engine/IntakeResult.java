package io.tapsrelay.relay.engine;

import io.tapsrelay.frames.ErrorCode;

/** What became of one offered event. */
public sealed interface IntakeResult {
    /** The event id and origin sequence the result is about (null when the record was unreadable). */
    String eventId();

    /** Null when unknown. */
    Long originSeq();

    /** Newly and durably stored. */
    record Stored(String eventId, Long originSeq) implements IntakeResult {}

    /** Already held: acknowledged, not stored twice. */
    record Duplicate(String eventId, Long originSeq) implements IntakeResult {}

    /** Refused with a non-fatal ERROR of {@code code}. */
    record Rejected(String eventId, Long originSeq, ErrorCode code, String message) implements IntakeResult {}

    /** True unless rejected. */
    default boolean accepted() {
        return !(this instanceof Rejected);
    }
}
