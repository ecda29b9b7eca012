package io.tapsrelay.relay.store;

import java.util.Objects;

/**
 * The outcome of appending one event.
 *
 * @param status how the event was classified
 * @param event the event as it was passed to {@link EventStore#append}
 */
public record AppendResult(AppendStatus status, StoredEvent event) {

    public AppendResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(event, "event");
    }
}
