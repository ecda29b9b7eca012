package io.tapsrelay.cli;

/** What the {@code tapsrelay} process exits with; scripts may rely on these. */
public final class ExitCodes {
    /** Done as asked. */
    public static final int OK = 0;
    /** The command was understood but failed: a relay that cannot start, an event refused, no connection. */
    public static final int FAILURE = 1;
    /** The command line or the configuration is wrong; nothing was attempted. */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
