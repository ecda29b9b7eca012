package io.tapsrelay.relay.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Load peers sending into one relay together: opened and made ready first, then started at once, so
 * the clock runs from the first event sent to the last one acknowledged.
 */
final class LoadPhase {
    private final String name;
    private final List<LoadPeer> peers;
    private final int total;

    /** @param name names the phase in progress lines and failures, e.g. {@code ingest} */
    LoadPhase(String name, List<LoadPeer> peers) {
        this.name = name;
        this.peers = List.copyOf(peers);
        this.total = peers.stream().mapToInt(LoadPeer::count).sum();
    }

    List<LoadPeer> peers() {
        return peers;
    }

    /** Opens every stream and waits for the relay's HELLO and CREDIT on each. */
    void open(BenchClient client, RelayTarget target, int maxLineBytes, Deadline deadline) throws BenchFailure {
        deadline.await(Deadline.all(peers.stream()
                        .map(p -> client.open(target, p.identity(), p.group(), p, maxLineBytes)).toList()),
                name + ": " + peers.size() + " stream(s) to " + target.serverId() + " to open");
        deadline.await(Deadline.all(peers.stream().map(LoadPeer::ready).toList()),
                name + ": the relay's HELLO and CREDIT on every stream");
    }

    /**
     * Starts every stream, paced to {@code ratePerStream} events/s each (0: as fast as credit
     * allows): paced streams by one {@link Pacer} per event loop.
     */
    void start(double ratePerStream) {
        if (ratePerStream > 0) {
            Map<ScheduledExecutorService, List<LoadPeer>> byLoop = new LinkedHashMap<>();
            peers.forEach(p -> byLoop.computeIfAbsent(p.loop(), l -> new ArrayList<>()).add(p));
            byLoop.forEach((loop, paced) -> new Pacer(loop, paced).start(ratePerStream));
        } else {
            peers.forEach(LoadPeer::begin);
        }
    }

    /** Waits until every event is acknowledged, printing progress, and returns the figures. */
    LoadFigures awaitAcknowledged(Deadline deadline) throws BenchFailure {
        deadline.await(Deadline.all(peers.stream().map(LoadPeer::done).toList()), name + ": every event acknowledged",
                () -> name + ": " + acked() + "/" + total + " events acknowledged");
        LatencyHistogram latency = new LatencyHistogram();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long bytes = 0;
        long held = 0;
        for (LoadPeer p : peers) {
            latency.add(p.log().latency());
            first = Math.min(first, p.log().firstSendNanos());
            last = Math.max(last, p.log().lastAckNanos());
            bytes += p.lineBytes();
            held += p.log().heldForCredit();
        }
        return LoadFigures.of(total, bytes, last - first, latency.summary(), held);
    }

    /** Events acknowledged so far, over every stream. */
    int acked() {
        return peers.stream().mapToInt(LoadPeer::acked).sum();
    }

    int total() {
        return total;
    }

    /** Ends every stream. */
    void end() {
        peers.forEach(LoadPeer::end);
    }
}
