package io.tapsrelay.relay.bench;

import io.tapsrelay.frames.codec.FrameSink;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A scripted peer on one {@code /stream}: receives the relay's frames through {@link FrameSink} and
 * writes its own to a {@link FrameOutlet}. Every method is called on the stream's event loop.
 */
interface StreamPeer extends FrameSink {
    /** The relay answered 200: the stream is open and this peer writes its HELLO. */
    void opened(FrameOutlet outlet, ScheduledExecutorService loop);

    /** The end of one read: what arrived since the last one may be acknowledged together. */
    void readComplete();

    /** The stream is over, for the reason given; called once at most, and also when it never opened. */
    void closed(String why);
}
