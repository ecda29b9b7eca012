package io.tapsrelay.config;

/**
 * The CREDIT this relay grants each inbound stream: the most EVENT frames and bytes a peer may
 * have outstanding (sent but not yet processed) at once.
 *
 * <p>{@code windowBytes} must admit at least one maximal frame line plus its line feed; {@link
 * RelayConfig} checks that against {@code federation.max_message_size}.
 *
 * @param windowEvents default 1024
 * @param windowBytes default 4 MiB
 */
public record CreditConfig(int windowEvents, long windowBytes) {
    public static final int DEFAULT_WINDOW_EVENTS = 1024;
    public static final long DEFAULT_WINDOW_BYTES = 4L * 1024 * 1024;

    public CreditConfig {
        if (windowEvents < 1) {
            throw new IllegalArgumentException("credit window_events must be at least 1: " + windowEvents);
        }
        if (windowBytes < 1) {
            throw new IllegalArgumentException("credit window_bytes must be at least 1: " + windowBytes);
        }
    }

    public static CreditConfig defaults() {
        return new CreditConfig(DEFAULT_WINDOW_EVENTS, DEFAULT_WINDOW_BYTES);
    }

    /** Whether a full window admits one frame line of {@code maxMessageSize} bytes and its {@code \n}. */
    public boolean admitsFrameOf(int maxMessageSize) {
        return windowBytes >= maxMessageSize + 1L;
    }
}
