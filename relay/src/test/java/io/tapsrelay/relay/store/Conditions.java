package io.tapsrelay.relay.store;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, never for a fixed time. */
final class Conditions {
    private static final long DEADLINE_NANOS = 30_000_000_000L;

    private Conditions() {}

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            // Polls the condition; the pause only spares the CPU, correctness never depends on it.
            LockSupport.parkNanos(1_000_000L);
        }
    }
}
