package io.tapsrelay.relay.bench;

/**
 * The sender's side of §3 CREDIT: what the receiver has granted and this side has spent. An EVENT
 * frame spends one event and its whole line, line feed included; one that fits neither budget is
 * not sent, because the receiver would end the stream with {@code credit_exceeded}.
 *
 * <p>Not thread-safe: owned by one stream's event loop.
 */
final class CreditBudget {
    private long grantedEvents;
    private long grantedBytes;
    private long spentEvents;
    private long spentBytes;

    /**
     * Adds a CREDIT frame's grant; grants add up.
     *
     * @throws IllegalArgumentException for a negative grant, which a correct receiver never sends
     */
    void grant(long events, long bytes) {
        if (events < 0 || bytes < 0) {
            throw new IllegalArgumentException("CREDIT grant of " + events + " events and " + bytes
                    + " bytes is negative");
        }
        grantedEvents = saturatingAdd(grantedEvents, events);
        grantedBytes = saturatingAdd(grantedBytes, bytes);
    }

    /** Spends one EVENT line of {@code lineBytes} if both budgets allow it; otherwise spends nothing. */
    boolean trySpend(int lineBytes) {
        if (lineBytes < 1) {
            throw new IllegalArgumentException("an EVENT line of " + lineBytes + " bytes cannot exist");
        }
        if (spentEvents + 1 > grantedEvents || spentBytes + lineBytes > grantedBytes) {
            return false;
        }
        spentEvents++;
        spentBytes += lineBytes;
        return true;
    }

    long grantedEvents() {
        return grantedEvents;
    }

    long grantedBytes() {
        return grantedBytes;
    }

    long spentEvents() {
        return spentEvents;
    }

    long spentBytes() {
        return spentBytes;
    }

    // A receiver may grant generously for years of a stream's life; never wrap to a negative budget.
    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
