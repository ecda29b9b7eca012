package io.tapsrelay.relay.bench;

import io.tapsrelay.relay.bench.RelayLauncher.RunningRelay;
import java.util.List;

/**
 * {@code stalled}: a peer opens a stream and never grants CREDIT while the load is stored in its
 * group through a second peer's stream. The relay may send the stalled peer nothing, must keep its
 * stream open (it answers PINGs), and must not queue the events in memory: the log is the outbound
 * queue (§5), so its heap after a forced GC stays where it was before the load (measured after
 * the warm-up load, in another group, so that start-up allocations are not counted as growth).
 */
final class StalledBench {
    static final String GROUP = "g!stalled";
    private static final String RELAY_ID = "relay.bench";

    private final RelayLauncher launcher;

    StalledBench(RelayLauncher launcher) {
        this.launcher = launcher;
    }

    /** The load for this scenario: one stream into {@link #GROUP}. */
    static LoadSet sign(LoadShape shape, long seed) throws BenchFailure {
        LoadShape one = new LoadShape(shape.events(), shape.size(), 1, shape.window(), shape.rate());
        return LoadSet.sign(one, List.of(GROUP), seed);
    }

    StalledResult run(LoadSet load, Deadline deadline) throws BenchFailure {
        PeerIdentity stalledId = PeerIdentity.create("stalled.bench");
        return Workspace.run("stalled", dir -> {
            RelaySpec spec = load.relay(RELAY_ID, FreePorts.next(), dir.resolve("relay"))
                    .withPeer(new RelaySpec.Pinned(stalledId));
            try (RunningRelay relay = launcher.start(spec, dir, deadline); BenchClient client = new BenchClient(2)) {
                ListeningPeer stalled = ListeningPeer.stalled(stalledId, GROUP, load.maxMessageSize());
                deadline.await(client.open(relay.target(), stalledId, GROUP, stalled, load.maxMessageSize()),
                        "the stalled peer's stream to open");
                deadline.await(stalled.ready(), "the relay's HELLO on the stalled stream");
                IngestBench.warmUp("stalled", load, relay, client, deadline);
                LoadPhase phase = new LoadPhase("stalled", load.newPeers());
                phase.open(client, relay.target(), load.maxMessageSize(), deadline);
                MemorySample before = relay.memory();
                PhaseCpu cpu = PhaseCpu.start(List.of(relay));
                phase.start(load.shape().ratePerStream());
                LoadFigures figures = phase.awaitAcknowledged(deadline);
                figures = cpu.applyTo(figures, figures.events());
                MemorySample after = relay.memory();
                phase.end();
                StalledResult result = new StalledResult(load.shape(), before, after, stalled.events(),
                        stalled.isOpen(), figures);
                if (stalled.events() > 0 || !stalled.isOpen() || stalled.problem() != null) {
                    throw new BenchFailure("stalled: the relay mistreated the peer that granted no credit ("
                            + (stalled.problem() == null ? "its stream closed" : stalled.problem()) + "): "
                            + BenchReport.stalled(result, ""));
                }
                return result;
            }
        });
    }
}
