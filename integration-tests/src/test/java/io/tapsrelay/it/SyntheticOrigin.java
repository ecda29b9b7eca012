package io.tapsrelay.it;

import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.crypto.ContentHash;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.store.AppendResult;
import io.tapsrelay.relay.store.AppendStatus;
import io.tapsrelay.relay.store.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;

/**
 * Validly signed events of a scripted peer's origin, made in bulk and appended straight into relays'
 * stores, to give relays large, known states before any exchange.
 */
final class SyntheticOrigin {
    private static final int BATCH = 1000;

    private SyntheticOrigin() {}

    /** Events 1..count of {@code origin} in {@code group}, signed on every core. */
    static List<StoredEvent> events(RawPeer origin, String group, long count) {
        return LongStream.rangeClosed(1, count).parallel()
                .mapToObj(seq -> event(origin, group, seq, "event " + seq))
                .toList();
    }

    static StoredEvent event(RawPeer origin, String group, long seq, String text) {
        EventRecord r = origin.signedRecord(group, Ulids.next(), seq, text);
        return new StoredEvent(group, r.eventId(), r.originServer(), seq, ContentHash.parse(r.contentHash()), r.raw());
    }

    /** Appends the events whose sequence {@code skip} does not match, in batches, asserting each is stored. */
    static void append(Relay relay, List<StoredEvent> events, LongPredicate skip) throws Exception {
        List<StoredEvent> batch = new ArrayList<>(BATCH);
        for (StoredEvent e : events) {
            if (skip.test(e.originSeq())) {
                continue;
            }
            batch.add(e);
            if (batch.size() == BATCH) {
                appendBatch(relay, batch);
                batch.clear();
            }
        }
        appendBatch(relay, batch);
    }

    private static void appendBatch(Relay relay, List<StoredEvent> batch) throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        for (AppendResult r : relay.store().append(batch).get(60, TimeUnit.SECONDS)) {
            if (r.status() != AppendStatus.STORED) {
                throw new AssertionError("appending " + r.event() + " gave " + r.status());
            }
        }
    }
}
