package io.tapsrelay.frames;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ERROR codes of PROTOCOL.md §3 with their wire name, their fatal flag and the HTTP status a
 * failed one-shot {@code /send} answers with.
 *
 * <p>§3 lists the {@code /send} status for most codes; for the ones a {@code /send} can only meet
 * through the relay's own state the closest HTTP meaning is used: {@code credit_exceeded} 400,
 * {@code group_not_supported} 403, {@code duplicate_stream} 409, {@code idle_timeout} 408,
 * {@code shutting_down} 503, {@code internal_error} 500.
 */
public enum ErrorCode {
    MALFORMED_FRAME(true, 400),
    FRAME_TOO_LARGE(true, 413),
    HELLO_REQUIRED(true, 400),
    PROTOCOL_VIOLATION(true, 400),
    UNSUPPORTED_VERSION(true, 400),
    GROUP_NOT_SUPPORTED(true, 403),
    SEQUENCE_VIOLATION(true, 400),
    CREDIT_EXCEEDED(true, 400),
    DUPLICATE_STREAM(true, 409),
    IDLE_TIMEOUT(true, 408),
    SHUTTING_DOWN(true, 503),
    INTERNAL_ERROR(true, 500),
    UNKNOWN_FRAME_TYPE(false, 400),
    GROUP_MISMATCH(false, 422),
    INVALID_EVENT(false, 422),
    CONTENT_HASH_MISMATCH(false, 422),
    UNKNOWN_ORIGIN_KEY(false, 422),
    INVALID_SIGNATURE(false, 422),
    EQUIVOCATION(false, 422),
    RATE_LIMITED(false, 429);

    private static final Map<String, ErrorCode> BY_WIRE_NAME = new HashMap<>();

    static {
        for (ErrorCode code : values()) {
            BY_WIRE_NAME.put(code.wireName, code);
        }
    }

    private final String wireName;
    private final boolean fatal;
    private final int sendStatus;

    ErrorCode(boolean fatal, int sendStatus) {
        this.wireName = name().toLowerCase(Locale.ROOT);
        this.fatal = fatal;
        this.sendStatus = sendStatus;
    }

    /** The {@code code} string on the wire, e.g. {@code malformed_frame}. */
    public String wireName() {
        return wireName;
    }

    /** True when the sender of this error ends its side of the stream afterwards (§3 table). */
    public boolean fatal() {
        return fatal;
    }

    /** The HTTP status of a {@code /send} that fails with this code. */
    public int sendStatus() {
        return sendStatus;
    }

    /** The code named {@code s} on the wire; empty for codes this version does not know. */
    public static Optional<ErrorCode> fromWire(String s) {
        return Optional.ofNullable(s == null ? null : BY_WIRE_NAME.get(s));
    }
}
