package io.tapsrelay.relay.store;

/**
 * A storage failure, naming what the store was doing; the cause is RocksDB's own exception.
 *
 * <p>Unchecked: callers cannot repair a failing disk, they can only report it and stop acknowledging.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure of {@code operation}, caused by {@code cause}. */
    public StoreException(String operation, Throwable cause) {
        super(operation + " failed: " + cause.getMessage(), cause);
    }

    /** A failure of {@code operation} for {@code reason}, caused by {@code cause}. */
    public StoreException(String operation, String reason, Throwable cause) {
        super(operation + " failed: " + reason + " (" + cause.getMessage() + ")", cause);
    }

    /** A failure of {@code operation} for {@code reason}, without a cause. */
    public StoreException(String operation, String reason) {
        super(operation + " failed: " + reason);
    }
}
