package io.tapsrelay.relay.store;

/** How {@link EventStore#append} classified one event. */
public enum AppendStatus {
    /** Newly stored (and synced when storage sync is on). */
    STORED,
    /** The same event id is already stored with the same group, origin, sequence and content hash; not stored twice. */
    DUPLICATE,
    /** The event id is already stored with another group, origin, sequence or content hash; the relay answers {@code invalid_event}. */
    EVENT_ID_CONFLICT,
    /** Another event id already holds (group, origin, sequence); the first stays, this one is kept as evidence. */
    EQUIVOCATION
}
