package io.tapsrelay.cli.logging;

import java.util.logging.LogManager;

/**
 * A LogManager that keeps its handlers while the JVM shuts down.
 *
 * <p>The JDK's LogManager resets itself in a shutdown hook of its own, which runs at the same time
 * as the hook that drains the relay, so the relay's last records ({@code event=draining},
 * {@code event=stopped}) would race with their handler being removed and often be lost. This
 * manager ignores a reset that comes during shutdown; handlers write each record as it comes, so
 * nothing is left unflushed when the JVM ends. Any other reset behaves as usual.
 *
 * <p>It takes effect only when chosen before anything touches java.util.logging, see
 * {@link LogManagerChoice}.
 */
public final class RetainingLogManager extends LogManager {
    /** Made by the JDK, by reflection, when {@link LogManagerChoice} named this class. */
    public RetainingLogManager() {
        super();
    }

    @Override
    public void reset() {
        if (!shuttingDown()) {
            super.reset();
        }
    }

    // Runtime refuses new shutdown hooks exactly when shutdown has begun: a documented probe.
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
