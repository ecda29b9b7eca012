/**
 * The relay's durable event store: {@link io.tapsrelay.relay.store.EventStore} and its values, with
 * {@link io.tapsrelay.relay.store.RocksEventStore} on RocksDB.
 *
 * <p>Every event is written through one group-commit writer (one batch and one fsync for many
 * concurrent callers) and acknowledged only after that commit. Per-origin digest state (§7 of the
 * protocol) is kept current on every write and served from memory.
 */
package io.tapsrelay.relay.store;
