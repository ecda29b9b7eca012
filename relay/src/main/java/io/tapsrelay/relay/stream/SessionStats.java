package io.tapsrelay.relay.stream;

/** Counters of one stream, written on its executor only. */
public final class SessionStats {
    long framesIn;
    long framesOut;
    long eventsIn;
    long acksSent;
    long errorsSent;
    String lastError;
    String lastPeerError;

    Snapshot snapshot(long eventsOut, long creditStalls, long inFlight) {
        return new Snapshot(framesIn, framesOut, eventsIn, eventsOut, acksSent, errorsSent, creditStalls, inFlight,
                lastError, lastPeerError);
    }

    /** Immutable counters for status pages. */
    public record Snapshot(long framesIn, long framesOut, long eventsIn, long eventsOut, long acksSent,
            long errorsSent, long creditStalls, long inFlight, String lastError, String lastPeerError) {}
}
