package io.tapsrelay.relay.bench;

import io.tapsrelay.relay.bench.RelayLauncher.RunningRelay;

/**
 * {@code ingest} and {@code duplicates}: one relay, the load's streams into it, every event
 * acknowledged. Duplicates then sends the very same events again on new streams: each is found
 * already stored, acknowledged without a second signature check, and not stored again.
 */
final class IngestBench {
    private static final String RELAY_ID = "relay.bench";

    private final RelayLauncher launcher;

    IngestBench(RelayLauncher launcher) {
        this.launcher = launcher;
    }

    IngestResult ingest(LoadSet load, Deadline deadline) throws BenchFailure {
        return Workspace.run("ingest", dir -> {
            RelaySpec spec = load.relay(RELAY_ID, FreePorts.next(), dir.resolve("relay"));
            try (RunningRelay relay = launcher.start(spec, dir, deadline);
                    BenchClient client = new BenchClient(loops(load))) {
                LoadFigures figures = send("ingest", load, relay, client, deadline);
                return new IngestResult(load.shape(), figures, relay.memory());
            }
        });
    }

    DuplicatesResult duplicates(LoadSet load, Deadline deadline) throws BenchFailure {
        return Workspace.run("duplicates", dir -> {
            RelaySpec spec = load.relay(RELAY_ID, FreePorts.next(), dir.resolve("relay"));
            try (RunningRelay relay = launcher.start(spec, dir, deadline);
                    BenchClient client = new BenchClient(loops(load))) {
                LoadFigures first = send("duplicates first pass", load, relay, client, deadline);
                LoadFigures again = send("duplicates second pass", load, relay, client, deadline);
                return new DuplicatesResult(load.shape(), first, again, relay.memory());
            }
        });
    }

    private static LoadFigures send(String name, LoadSet load, RunningRelay relay, BenchClient client,
            Deadline deadline) throws BenchFailure {
        LoadPhase phase = new LoadPhase(name, load.newPeers());
        phase.open(client, relay.target(), load.maxMessageSize(), deadline);
        phase.start(load.shape().ratePerStream());
        LoadFigures figures = phase.awaitAcknowledged(deadline);
        phase.end();
        return figures;
    }

    /** Generator event loops: one per stream up to the cores there are, which the relay shares. */
    static int loops(LoadSet load) {
        return Math.max(1, Math.min(load.shape().streams(), Runtime.getRuntime().availableProcessors()));
    }
}
