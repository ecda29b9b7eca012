package io.tapsrelay.relay.bench;

/**
 * Where a bench peer's frame lines go: the HTTP/2 stream in a run, a list in a test. Called only on
 * the stream's event loop.
 */
interface FrameOutlet {
    /** Queues one line, its line feed included; nothing is sent before {@link #flush()}. */
    void write(byte[] line);

    /** Sends what was queued. */
    void flush();

    /** Sends what was queued and ends this side of the stream. */
    void end();
}
