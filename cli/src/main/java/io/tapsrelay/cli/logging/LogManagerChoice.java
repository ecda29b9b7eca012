package io.tapsrelay.cli.logging;

/**
 * Chooses {@link RetainingLogManager} as the JVM's LogManager.
 *
 * <p>A class of its own, naming the manager only as a string: touching {@code RetainingLogManager}
 * itself would initialise its superclass {@code LogManager}, which makes its choice at that moment,
 * before the property below is set.
 */
public final class LogManagerChoice {
    /** The JDK's property naming the LogManager class. */
    static final String PROPERTY = "java.util.logging.manager";
    /** {@link RetainingLogManager}'s name; a test keeps the two in step. */
    static final String RETAINING = "io.tapsrelay.cli.logging.RetainingLogManager";

    private LogManagerChoice() {}

    /**
     * Makes {@link RetainingLogManager} the JVM's LogManager, unless one was chosen on the command
     * line. Call it first thing in {@code main}: once java.util.logging has started, the choice is
     * made.
     */
    public static void retainHandlersAtShutdown() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, RETAINING);
        }
    }
}
