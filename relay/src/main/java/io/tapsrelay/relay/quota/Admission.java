package io.tapsrelay.relay.quota;

/**
 * A quota's answer to one event: admitted (and charged), or refused with how long to wait.
 *
 * @param retryAfterMs 0 when admitted; otherwise at least 1, the milliseconds after which the same
 *     event would be admitted (the {@code retry_after_ms} of a {@code rate_limited} ERROR)
 */
public record Admission(long retryAfterMs) {
    /** The one admitted answer, shared: admitting allocates nothing. */
    public static final Admission ADMITTED = new Admission(0);

    public Admission {
        if (retryAfterMs < 0) {
            throw new IllegalArgumentException("retry_after_ms must not be negative: " + retryAfterMs);
        }
    }

    /** A refusal; {@code retryAfterMs} must be at least 1. */
    public static Admission refused(long retryAfterMs) {
        if (retryAfterMs < 1) {
            throw new IllegalArgumentException("a refusal waits at least 1 ms: " + retryAfterMs);
        }
        return new Admission(retryAfterMs);
    }

    public boolean admitted() {
        return retryAfterMs == 0;
    }

    /** {@code Retry-After} for HTTP: whole seconds, rounded up. */
    public long retryAfterSeconds() {
        return (retryAfterMs + 999) / 1000;
    }
}
