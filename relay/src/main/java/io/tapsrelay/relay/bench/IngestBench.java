package io.tapsrelay.relay.bench;

import io.tapsrelay.relay.bench.RelayLauncher.RunningRelay;
import java.util.List;
import java.util.function.Function;

/**
 * {@code ingest}, {@code latency} and {@code duplicates}: one relay, the load's streams into it,
 * every event acknowledged; {@code latency} is ingest of a paced load. Duplicates then sends the
 * very same events again on new streams: each is found already stored, acknowledged without a
 * second signature check, and not stored again.
 */
final class IngestBench {
    private static final String RELAY_ID = "relay.bench";

    private final RelayLauncher launcher;

    IngestBench(RelayLauncher launcher) {
        this.launcher = launcher;
    }

    IngestResult ingest(LoadSet load, Deadline deadline) throws BenchFailure {
        return ingest("ingest", load, relay -> relay.memory(), deadline);
    }

    /** Ingest of a paced load without the memory probe, whose forced GC {@code latency} has no use for. */
    LoadFigures latency(LoadSet load, Deadline deadline) throws BenchFailure {
        return ingest("latency", load, relay -> MemorySample.unavailable(), deadline).load();
    }

    private IngestResult ingest(String scenario, LoadSet load, Function<RunningRelay, MemorySample> memory,
            Deadline deadline) throws BenchFailure {
        return Workspace.run(scenario, dir -> {
            RelaySpec spec = load.relay(RELAY_ID, FreePorts.next(), dir.resolve("relay"));
            try (RunningRelay relay = launcher.start(spec, dir, deadline);
                    BenchClient client = new BenchClient(loops(load))) {
                warmUp(scenario, load, relay, client, deadline);
                LoadFigures figures = send(scenario, load.newPeers(), load.shape().ratePerStream(), load, relay,
                        client, deadline);
                return new IngestResult(load.shape(), figures, memory.apply(relay));
            }
        });
    }

    DuplicatesResult duplicates(LoadSet load, Deadline deadline) throws BenchFailure {
        return Workspace.run("duplicates", dir -> {
            RelaySpec spec = load.relay(RELAY_ID, FreePorts.next(), dir.resolve("relay"));
            try (RunningRelay relay = launcher.start(spec, dir, deadline);
                    BenchClient client = new BenchClient(loops(load))) {
                warmUp("duplicates", load, relay, client, deadline);
                double rate = load.shape().ratePerStream();
                LoadFigures first = send("duplicates first pass", load.newPeers(), rate, load, relay, client, deadline);
                LoadFigures again = send("duplicates second pass", load.newPeers(), rate, load, relay, client, deadline);
                return new DuplicatesResult(load.shape(), first, again, relay.memory());
            }
        });
    }

    /**
     * Sends the unmeasured warm-up rounds ({@link WarmUp}) into {@code relay}: unpaced ones, then,
     * when the load is paced, paced ones at its rate over as many streams.
     */
    static void warmUp(String scenario, LoadSet load, RunningRelay relay, BenchClient client, Deadline deadline)
            throws BenchFailure {
        String name = scenario + " warm-up";
        WarmUp.ofThisMachine().run(name, List.of(relay), load.shape().rate(), new WarmUp.Round() {
            @Override
            public void prepare(int index) throws BenchFailure {
                signWarmUpRound(name, load, index, deadline);
            }

            @Override
            public int send(int index, double rate, int events) throws BenchFailure {
                List<LoadPeer> peers = load.newWarmUpPeers(index, events);
                IngestBench.send(name + " round " + index, peers, rate / peers.size(), load, relay, client, deadline);
                return peers.stream().mapToInt(LoadPeer::count).sum();
            }
        }, deadline);
    }

    /** Signs warm-up round {@code index} unless it is signed already, saying so. */
    static void signWarmUpRound(String name, LoadSet load, int index, Deadline deadline) throws BenchFailure {
        if (!load.hasWarmUpRound(index)) {
            deadline.report(name + ": signing " + load.warmUpRoundEvents() + " events for round " + index);
            load.warmUpRound(index);
        }
    }

    /**
     * Sends {@code peers}' events together, each paced to {@code ratePerStream} (0: unpaced), and
     * returns the figures once all are acknowledged.
     */
    static LoadFigures send(String name, List<LoadPeer> peers, double ratePerStream, LoadSet load, RunningRelay relay,
            BenchClient client, Deadline deadline) throws BenchFailure {
        LoadPhase phase = new LoadPhase(name, peers);
        phase.open(client, relay.target(), load.maxMessageSize(), deadline);
        PhaseCpu cpu = PhaseCpu.start(List.of(relay));
        phase.start(ratePerStream);
        LoadFigures figures = phase.awaitAcknowledged(deadline);
        phase.end();
        return cpu.applyTo(figures, figures.events());
    }

    /**
     * Generator event loops: for a paced load one, so that one tick a millisecond paces every
     * stream (the generator's work per event is a copy, so one loop keeps up); unpaced, one per
     * stream up to the cores there are, which the relay shares.
     */
    static int loops(LoadSet load) {
        if (load.shape().rate() > 0) {
            return 1;
        }
        return Math.max(1, Math.min(load.shape().streams(), Runtime.getRuntime().availableProcessors()));
    }
}
