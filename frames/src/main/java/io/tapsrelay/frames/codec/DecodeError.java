package io.tapsrelay.frames.codec;

import io.tapsrelay.frames.ErrorCode;
import java.util.Objects;

/**
 * Why a line could not be decoded: {@code malformed_frame} or {@code frame_too_large}.
 *
 * @param code the ERROR code to answer with
 * @param message starts with the code's wire name, then names the offending value and the limit,
 *     e.g. {@code frame_too_large: 20480 bytes > max 16384}
 * @param ref the frame's {@code id} when it could be read, else null
 */
public record DecodeError(ErrorCode code, String message, String ref) {
    public DecodeError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!message.startsWith(code.wireName() + ": ")) {
            throw new IllegalArgumentException("message must start with the code: " + message);
        }
    }

    /** An error whose message is the code's wire name, a colon and {@code detail}. */
    public static DecodeError of(ErrorCode code, String detail, String ref) {
        return new DecodeError(code, code.wireName() + ": " + detail, ref);
    }
}
