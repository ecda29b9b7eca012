package io.tapsrelay.frames.validate;

import io.tapsrelay.frames.ErrorCode;
import java.util.Objects;

/**
 * A rule a frame broke.
 *
 * @param code the ERROR code to answer with
 * @param message starts with the code's wire name and names the offending field and value
 */
public record Violation(ErrorCode code, String message) {
    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** A violation whose message is the code's wire name, a colon and {@code detail}. */
    public static Violation of(ErrorCode code, String detail) {
        return new Violation(code, code.wireName() + ": " + detail);
    }
}
