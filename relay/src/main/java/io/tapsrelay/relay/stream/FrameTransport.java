package io.tapsrelay.relay.stream;

/**
 * Where a {@link StreamSession} writes: one HTTP/2 stream in production, a list in tests. Called on
 * the session's executor only.
 */
public interface FrameTransport {
    /** Queues one encoded frame line (ending in {@code \n}). */
    void write(byte[] line);

    /** Sends what was queued. */
    void flush();

    /** Stops or resumes reading the peer's body (HTTP/2 flow control then holds the peer back). */
    void setReading(boolean reading);

    /** Ends this side of the stream after what was written, then closes it. Idempotent. */
    void close();
}
