package io.tapsrelay.relay.bench;

/**
 * A scenario run that could not produce figures: the relay did not start, a deadline passed, the
 * relay refused an event. The message says which scenario, what it was waiting for, and why.
 */
final class BenchFailure extends Exception {
    private static final long serialVersionUID = 1L;

    BenchFailure(String message) {
        super(message);
    }

    BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
