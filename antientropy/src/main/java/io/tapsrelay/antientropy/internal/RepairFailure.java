package io.tapsrelay.antientropy.internal;

/**
 * Why a repair could not go on. {@link #unreachable()} tells a peer that could not be reached (or
 * did not answer in time), which the worker backs off from, from a peer that answered wrongly.
 */
final class RepairFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean unreachable;

    RepairFailure(String message, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    RepairFailure(String message) {
        this(message, false, null);
    }

    boolean unreachable() {
        return unreachable;
    }
}
