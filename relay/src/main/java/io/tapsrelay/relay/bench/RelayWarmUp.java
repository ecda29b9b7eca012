package io.tapsrelay.relay.bench;

import io.tapsrelay.relay.bench.RelayLauncher.RunningRelay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The warm-up rounds of {@code relay}: the warm-up peer's events go into A and a round ends once B
 * has forwarded every one to the observer, so both relays' paths (A storing and forwarding, B
 * storing) are warm. Round 1 uses the measured groups, whose observer streams are open already,
 * so A's dial to B and B's key fetch from A happen before the clock starts; later rounds use
 * groups of their own, each with an observer stream opened for it.
 */
final class RelayWarmUp implements WarmUp.Round {
    static final String NAME = "relay warm-up";

    private final LoadSet load;
    private final PeerIdentity observerId;
    private final List<Arrivals> firstRound;
    private final RunningRelay relayA;
    private final RunningRelay relayB;
    private final BenchClient client;
    private final Deadline deadline;

    /** @param firstRound arrivals of round 1's events at the measured groups' observers, by warm-up corpus */
    RelayWarmUp(LoadSet load, PeerIdentity observerId, List<Arrivals> firstRound, RunningRelay relayA,
            RunningRelay relayB, BenchClient client, Deadline deadline) {
        this.load = load;
        this.observerId = observerId;
        this.firstRound = List.copyOf(firstRound);
        this.relayA = relayA;
        this.relayB = relayB;
        this.client = client;
        this.deadline = deadline;
    }

    @Override
    public void prepare(int index) throws BenchFailure {
        IngestBench.signWarmUpRound(NAME, load, index, deadline);
    }

    @Override
    public int send(int index, double rate, int events) throws BenchFailure {
        List<LoadPeer> peers = load.newWarmUpPeers(index, events);
        List<Arrivals> arrivals;
        if (index == 1) {
            // A second observer stream in a measured group would replace the first (duplicate_stream).
            if (peers.stream().mapToInt(LoadPeer::count).sum() != firstRound.stream().mapToInt(Arrivals::expected).sum()) {
                throw new IllegalArgumentException("round 1 goes to the measured groups, and whole");
            }
            arrivals = firstRound;
        } else {
            arrivals = observe(peers);
        }
        IngestBench.send(NAME + " round " + index, peers, rate / peers.size(), load, relayA, client, deadline);
        deadline.await(Deadline.all(arrivals.stream().map(Arrivals::all).toList()),
                "warm-up round " + index + " to pass from A to B" + (index == 1 ? " (A dialing B, B fetching A's key)" : ""),
                () -> NAME + " round " + index + ": " + arrivals.stream().mapToInt(Arrivals::count).sum()
                        + " events stored at B");
        return peers.stream().mapToInt(LoadPeer::count).sum();
    }

    /** Opens an observer stream to B in each peer's group, noting that peer's events. */
    private List<Arrivals> observe(List<LoadPeer> peers) throws BenchFailure {
        List<Arrivals> out = new ArrayList<>();
        for (LoadPeer p : peers) {
            Arrivals a = new Arrivals(p.count());
            ListeningPeer observer = RelayBench.observer(observerId, p.group(), load,
                    Map.of(p.identity().serverId(), a));
            deadline.await(client.open(relayB.target(), observerId, p.group(), observer, load.maxMessageSize()),
                    "the observer's stream to B in " + p.group());
            deadline.await(observer.ready(), "B's HELLO to the observer in " + p.group());
            out.add(a);
        }
        return out;
    }
}
