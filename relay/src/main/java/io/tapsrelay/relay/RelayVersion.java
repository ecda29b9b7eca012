package io.tapsrelay.relay;

/** The relay's software version. */
public final class RelayVersion {
    /** Kept in step with the Maven project version. */
    public static final String VERSION = "0.1.0";

    private RelayVersion() {}
}
