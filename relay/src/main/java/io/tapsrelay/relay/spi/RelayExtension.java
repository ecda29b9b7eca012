package io.tapsrelay.relay.spi;

/**
 * A part of the relay that lives in a module the relay does not depend on — anti-entropy is one.
 * The relay owns this interface; the command line wires implementations in, so dependencies keep
 * pointing one way.
 *
 * <p>Lifecycle: {@link #install} while the relay is assembled (before it listens), {@link #start}
 * once it listens, {@link #close} while it drains, before the store closes.
 */
public interface RelayExtension extends AutoCloseable {
    /** Registers routes and report sections; keeps what it needs from {@code context}. */
    void install(RelayContext context, ExtensionRoutes routes);

    /** The relay is listening; begin background work. */
    default void start() {}

    /** Stop background work; the store is still open. */
    @Override
    default void close() {}
}
