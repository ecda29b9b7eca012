package io.tapsrelay.relay.stream;

/**
 * The receiver's side of CREDIT (§3): what this relay granted the peer and what the peer spent.
 * An EVENT that would take spending past the grants is {@code credit_exceeded}.
 */
final class InboundCredit {
    private long grantedEvents;
    private long grantedBytes;
    private long spentEvents;
    private long spentBytes;

    /** Records a grant this relay wrote. */
    void granted(long events, long bytes) {
        grantedEvents += events;
        grantedBytes += bytes;
    }

    /**
     * Spends one EVENT frame of {@code wireBytes}.
     *
     * @return null when within budget, else what was exceeded
     */
    String spend(int wireBytes) {
        if (spentEvents + 1 > grantedEvents) {
            return "credit_exceeded: EVENT " + (spentEvents + 1) + " > " + grantedEvents + " events granted";
        }
        if (spentBytes + wireBytes > grantedBytes) {
            return "credit_exceeded: " + (spentBytes + wireBytes) + " bytes > " + grantedBytes + " bytes granted";
        }
        spentEvents++;
        spentBytes += wireBytes;
        return null;
    }

    long outstandingEvents() {
        return grantedEvents - spentEvents;
    }
}
