package io.tapsrelay.relay.engine;

import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.crypto.ContentHash;
import io.tapsrelay.frames.crypto.EventSigning;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.identity.SigningKey;
import io.tapsrelay.relay.store.AppendResult;
import io.tapsrelay.relay.store.EventIdEntry;
import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.store.StoredEvent;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Turns a client's content into an event of this relay's own origin: assigns the next dense
 * {@code origin_seq}, stamps {@code origin_ts}, hashes, signs and stores it.
 *
 * <p>A retry with the same {@code event_id} answers the first {@code origin_seq}, also while the
 * first attempt is still being written (the retry joins it), so a sequence number is never spent
 * twice; other content under a known {@code event_id} is {@code invalid_event}.
 */
public final class LocalPublisher {
    private final String selfId;
    private final EventStore store;
    private final Supplier<SigningKey> signingKey;
    private final Executor signers;
    private final Clock clock;
    private final List<StoredListener> listeners;
    private final Map<String, AtomicLong> nextSeq = new ConcurrentHashMap<>();
    private final Map<String, Attempt> inFlight = new ConcurrentHashMap<>();

    public LocalPublisher(String selfId, EventStore store, Supplier<SigningKey> signingKey, Executor signers,
            Clock clock, List<StoredListener> listeners) {
        this.selfId = selfId;
        this.store = store;
        this.signingKey = signingKey;
        this.signers = signers;
        this.clock = clock;
        this.listeners = listeners;
    }

    /**
     * Publishes one event. The record's {@code content} must already have passed the client checks.
     *
     * @param groupId the group
     * @param eventId the client's idempotency key, or null for a fresh one
     * @param sender optional opaque sender, or null
     * @param content standard base64 ciphertext
     */
    public CompletableFuture<IntakeResult> publish(String groupId, String eventId, String sender, String content) {
        String id = eventId == null ? Ulids.next() : Ulids.canonical(eventId);
        byte[] bytes = Base64.getDecoder().decode(content);
        String contentHash = ContentHash.of(bytes);
        CompletableFuture<IntakeResult> mine = new CompletableFuture<>();
        Attempt attempt = new Attempt(groupId, contentHash, mine);
        Attempt earlier = inFlight.putIfAbsent(id, attempt);
        if (earlier != null) {
            return earlier.result.thenApply(first -> earlier.sameAs(groupId, contentHash)
                    ? first
                    : new IntakeResult.Rejected(id, null, ErrorCode.INVALID_EVENT,
                            "invalid_event: event_id " + id + " is being used with other content or another group"));
        }
        CompletableFuture.supplyAsync(() -> store.findEventId(id), signers).thenCompose(known -> {
            if (known.isPresent()) {
                return CompletableFuture.completedFuture(retried(known.get(), groupId, contentHash, id));
            }
            return create(groupId, id, sender, content, contentHash);
        }).whenComplete((r, t) -> {
            inFlight.remove(id, attempt);
            if (t != null) {
                mine.completeExceptionally(t);
            } else {
                mine.complete(r);
            }
        });
        return mine;
    }

    private CompletableFuture<IntakeResult> create(String groupId, String id, String sender, String content, String hash) {
        long seq = nextSeq.computeIfAbsent(groupId, g -> new AtomicLong(store.nextOriginSeq(g, selfId)))
                .getAndIncrement();
        long ts = clock.millis();
        SigningKey key = signingKey.get();
        byte[] input = EventSigning.signingInput(groupId, id, selfId, seq, ts, sender, hash);
        String signature = EventSigning.sign(key.keyPair(), input);
        EventRecord record = EventRecord.create(id, selfId, seq, ts, sender, content, hash, key.keyId(), signature);
        StoredEvent event = new StoredEvent(groupId, id, selfId, seq, ContentHash.parse(hash), record.raw());
        return store.append(List.of(event)).thenApply(results -> {
            AppendResult a = results.get(0);
            IntakeResult r = EventIntake.fromAppend(a);
            if (r instanceof IntakeResult.Stored) {
                for (StoredListener l : listeners) {
                    l.onStored(groupId, List.of(a.event()), null);
                }
            }
            return r;
        });
    }

    private IntakeResult retried(EventIdEntry known, String groupId, String contentHash, String id) {
        if (known.groupId().equals(groupId) && known.originServer().equals(selfId)
                && known.contentHash().equals(ContentHash.parse(contentHash))) {
            return new IntakeResult.Duplicate(id, known.originSeq());
        }
        return new IntakeResult.Rejected(id, null, ErrorCode.INVALID_EVENT,
                "invalid_event: event_id " + id + " was already used with other content or another group");
    }

    /** The last origin sequence this relay assigned in {@code groupId}, 0 when none. */
    public long lastAssigned(String groupId) {
        AtomicLong next = nextSeq.get(groupId);
        return next == null ? store.nextOriginSeq(groupId, selfId) - 1 : next.get() - 1;
    }

    /** A publish under way: what it was for, so a concurrent retry can tell whether it is the same. */
    private record Attempt(String groupId, String contentHash, CompletableFuture<IntakeResult> result) {
        boolean sameAs(String otherGroup, String otherHash) {
            return groupId.equals(otherGroup) && contentHash.equals(otherHash);
        }
    }
}
