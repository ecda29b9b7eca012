package io.tapsrelay.cli.internal;

/**
 * Where {@code serve} registers what to do when the process is asked to stop. The JVM's shutdown
 * hooks in production (SIGTERM, SIGINT); tests register and fire their own.
 */
@FunctionalInterface
public interface ShutdownHooks {
    /** Runs {@code action} once when the process is asked to stop. */
    void register(Runnable action);

    /** The JVM's: the action runs on SIGTERM, SIGINT or {@code System.exit}. */
    static ShutdownHooks jvm() {
        return action -> Runtime.getRuntime().addShutdownHook(new Thread(action, "tapsrelay-shutdown"));
    }
}
