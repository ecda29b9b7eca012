package io.tapsrelay.relay.bench;

import java.nio.file.Path;
import java.util.OptionalLong;

/** Starts relays for scenario runs: child processes for the command, in-process ones in tests. */
interface RelayLauncher {
    /**
     * Starts a relay as {@code spec} says and returns once it serves.
     *
     * @param dir a directory for its configuration file and log
     */
    RunningRelay start(RelaySpec spec, Path dir, Deadline deadline) throws BenchFailure;

    /** A relay that serves until closed. */
    interface RunningRelay extends AutoCloseable {
        RelayTarget target();

        /** The relay's heap after a forced full GC, and its RSS; what cannot be measured is empty. */
        MemorySample memory();

        /** CPU time the relay's process has used so far, all threads; empty when it cannot be told apart. */
        OptionalLong cpuNanos();

        /** The relay's own process, whose threads can be watched; empty when it runs inside this JVM. */
        OptionalLong pid();

        /** Stops the relay; idempotent, never throws. */
        @Override
        void close();
    }
}
