package io.tapsrelay.relay.bench;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The pacing tick of the paced peers on one event loop: every millisecond it lets each send what
 * has come due ({@link LoadPeer#pump()}). One tick for all of a loop's streams, because each
 * wake-up of a loop costs tens of microseconds of CPU on a busy machine, and that CPU is the
 * relay's to lose.
 *
 * <p>Runs on its loop; {@link #start} may be called from any thread.
 */
final class Pacer implements Runnable {
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ScheduledExecutorService loop;
    private final List<LoadPeer> peers;
    private ScheduledFuture<?> ticks;

    /** @param peers paced peers whose streams run on {@code loop} */
    Pacer(ScheduledExecutorService loop, List<LoadPeer> peers) {
        this.loop = loop;
        this.peers = List.copyOf(peers);
    }

    /** Starts every peer at once, each paced to {@code ratePerStream} events/s, and the tick. */
    void start(double ratePerStream) {
        if (!(ratePerStream > 0)) {
            throw new IllegalArgumentException("a pacer needs a rate, not " + ratePerStream);
        }
        loop.execute(() -> {
            peers.forEach(p -> p.startSending(ratePerStream));
            ticks = loop.scheduleAtFixedRate(this, TICK_NANOS, TICK_NANOS, TimeUnit.NANOSECONDS);
        });
    }

    /** One tick: each peer sends what is due; the ticking stops once no peer has more to send. */
    @Override
    public void run() {
        boolean more = false;
        for (LoadPeer p : peers) {
            p.pump();
            more |= !p.doneSending();
        }
        if (!more) {
            ticks.cancel(false);
        }
    }
}
