package io.tapsrelay.frames;

import java.util.Objects;
import java.util.Optional;

/**
 * ERROR payload (§3). The code is kept as a string so that an ERROR carrying a code from a newer
 * version can still be read and logged; {@link #knownCode()} interprets it.
 *
 * @param code wire name of the error code
 * @param message for people
 * @param ref id of the offending frame, or null (written as JSON null)
 * @param fatal whether the sender ends its side after this frame
 * @param retryAfterMs for {@code rate_limited}: how long to wait; null (and not written) otherwise
 */
public record ErrorPayload(String code, String message, String ref, boolean fatal, Long retryAfterMs)
        implements Payload {
    public ErrorPayload {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** An ERROR for {@code code} with its fatal flag from the §3 table and no retry hint. */
    public static ErrorPayload of(ErrorCode code, String message, String ref) {
        return new ErrorPayload(code.wireName(), message, ref, code.fatal(), null);
    }

    /** A {@code rate_limited} ERROR telling the peer how long to wait. */
    public static ErrorPayload rateLimited(String message, String ref, long retryAfterMs) {
        return new ErrorPayload(ErrorCode.RATE_LIMITED.wireName(), message, ref, false, retryAfterMs);
    }

    /** The code, when this version knows it. */
    public Optional<ErrorCode> knownCode() {
        return ErrorCode.fromWire(code);
    }
}
