package io.tapsrelay.cli.client;

import java.net.URI;
import java.util.Objects;

/** How posting one event to {@code /send} ended. */
public sealed interface SendOutcome {
    /** The relay stored the event (durably) and acknowledged it. */
    record Acked(String eventId, long originSeq) implements SendOutcome {
        public Acked {
            Objects.requireNonNull(eventId, "eventId");
            if (originSeq < 1) {
                throw new IllegalArgumentException("origin_seq must be at least 1, got " + originSeq);
            }
        }
    }

    /**
     * The relay answered with an ERROR frame.
     *
     * @param status the HTTP status (4xx)
     * @param code the ERROR frame's code, e.g. {@code invalid_event}
     * @param message the ERROR frame's message, without a repeated {@code code: } prefix
     */
    record Refused(int status, String code, String message) implements SendOutcome {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The request failed before the frame exchange: an HTTP status with an
     * {@code application/problem+json} body (a bad token, a draining relay), or an answer that is
     * not what the contract describes.
     *
     * @param status the HTTP status
     * @param title a short description: the problem's title, or what was wrong with the answer
     * @param detail more about it, or empty
     */
    record Failed(int status, String title, String detail) implements SendOutcome {
        public Failed {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * No HTTP answer at all.
     *
     * @param url the URL that could not be reached
     * @param reason why, e.g. {@code connection refused}
     */
    record Unreachable(URI url, String reason) implements SendOutcome {
        public Unreachable {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
