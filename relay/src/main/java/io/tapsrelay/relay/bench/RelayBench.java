package io.tapsrelay.relay.bench;

import io.tapsrelay.relay.bench.RelayLauncher.RunningRelay;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code relay}: two relays federating, A dialing B, each naming the other as a peer and fetching
 * its keys from {@code /keys/current}. The load streams into A; an observer peer holds a stream to
 * B with ample credit and notes when B forwards each event, which B does once it stored it. The
 * clock runs from the first send into A to the last event B forwarded.
 *
 * <p>Before the clock starts, a warm-up peer sends rounds of events through the same path
 * ({@link RelayWarmUp}), so A's dial to B, B's key fetch from A and the JIT's compilation are not
 * part of the figures.
 */
final class RelayBench {
    private static final String RELAY_A = "relay-a.bench";
    private static final String RELAY_B = "relay-b.bench";
    /** The observer's credit: generous, so B forwards as fast as it stores. */
    private static final int OBSERVER_WINDOW = 8192;

    private final RelayLauncher launcher;

    RelayBench(RelayLauncher launcher) {
        this.launcher = launcher;
    }

    /** The load for this scenario: its groups carry the warm-up too, which opens A's streams to B. */
    static LoadSet sign(LoadShape shape, long seed) throws BenchFailure {
        List<String> groups = LoadSet.groups("relay", shape.streams());
        return LoadSet.signWithWarmUpPeer(shape, groups, groups, seed);
    }

    RelayResult run(LoadSet load, Deadline deadline) throws BenchFailure {
        PeerIdentity observerId = PeerIdentity.create("observer.bench");
        return Workspace.run("relay", dir -> {
            int portA = FreePorts.next();
            int portB = FreePorts.next();
            RelaySpec a = load.relay(RELAY_A, portA, dir.resolve("a"))
                    .withPeer(new RelaySpec.OtherRelay(RELAY_B, url(portB), true));
            RelaySpec b = load.relay(RELAY_B, portB, dir.resolve("b"))
                    .withPeer(new RelaySpec.Pinned(observerId))
                    .withPeer(new RelaySpec.OtherRelay(RELAY_A, url(portA), false));
            try (RunningRelay relayB = launcher.start(b, dir, deadline);
                    RunningRelay relayA = launcher.start(a, dir, deadline);
                    BenchClient client = new BenchClient(2)) {
                return measure(load, observerId, relayA, relayB, client, deadline);
            }
        });
    }

    private static RelayResult measure(LoadSet load, PeerIdentity observerId, RunningRelay relayA,
            RunningRelay relayB, BenchClient client, Deadline deadline) throws BenchFailure {
        int max = load.maxMessageSize();
        List<Arrivals> loadArrivals = new ArrayList<>();
        List<Arrivals> warmArrivals = new ArrayList<>();
        for (int i = 0; i < load.corpora().size(); i++) {
            EventCorpus c = load.corpora().get(i);
            EventCorpus warmUp = load.warmUpRound(1).get(i);
            Arrivals arrivals = new Arrivals(c.count());
            Arrivals warm = new Arrivals(warmUp.count());
            loadArrivals.add(arrivals);
            warmArrivals.add(warm);
            ListeningPeer observer = observer(observerId, c.group(), load,
                    Map.of(c.origin().serverId(), arrivals, warmUp.origin().serverId(), warm));
            deadline.await(client.open(relayB.target(), observerId, c.group(), observer, max),
                    "the observer's stream to B in " + c.group());
            deadline.await(observer.ready(), "B's HELLO to the observer in " + c.group());
        }
        WarmUp.ofThisMachine().run(RelayWarmUp.NAME, List.of(relayA, relayB), load.shape().rate(),
                new RelayWarmUp(load, observerId, warmArrivals, relayA, relayB, client, deadline), deadline);

        LoadPhase phase = new LoadPhase("relay", load.newPeers());
        phase.open(client, relayA.target(), max, deadline);
        PhaseCpu cpu = PhaseCpu.start(List.of(relayA, relayB));
        phase.start(load.shape().ratePerStream());
        LoadFigures atA = phase.awaitAcknowledged(deadline);
        deadline.await(Deadline.all(loadArrivals.stream().map(Arrivals::all).toList()), "every event stored at B",
                () -> "relay: " + phase.total() + "/" + phase.total() + " acknowledged by A, "
                        + loadArrivals.stream().mapToInt(Arrivals::count).sum() + "/" + phase.total() + " stored at B");
        LoadFigures toB = cpu.applyTo(endToEnd(phase.peers(), loadArrivals), phase.total());
        phase.end();
        return new RelayResult(load.shape(), toB,
                atA.latency(), relayA.memory(), relayB.memory());
    }

    /** An observer in {@code group} with credit for a generous window of this load's lines. */
    static ListeningPeer observer(PeerIdentity observerId, String group, LoadSet load, Map<String, Arrivals> arrivals) {
        return ListeningPeer.observer(observerId, group, OBSERVER_WINDOW, (long) OBSERVER_WINDOW * load.maxLineBytes(),
                load.maxMessageSize(), arrivals);
    }

    /** From each event's send into A to its arrival from B. */
    private static LoadFigures endToEnd(List<LoadPeer> peers, List<Arrivals> arrivals) {
        LatencyHistogram latency = new LatencyHistogram();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long bytes = 0;
        long events = 0;
        long held = 0;
        for (int i = 0; i < peers.size(); i++) {
            LoadPeer p = peers.get(i);
            Arrivals a = arrivals.get(i);
            for (int j = 0; j < p.count(); j++) {
                latency.record(a.arrivedAtNanos(j + 1) - p.log().sentAtNanos(j));
            }
            first = Math.min(first, p.log().firstSendNanos());
            last = Math.max(last, a.lastNanos());
            bytes += p.lineBytes();
            events += p.count();
            held += p.log().heldForCredit();
        }
        return LoadFigures.of(events, bytes, last - first, latency.summary(), held);
    }

    private static URI url(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }
}
