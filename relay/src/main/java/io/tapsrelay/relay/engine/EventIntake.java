package io.tapsrelay.relay.engine;

import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.InvalidPayload;
import io.tapsrelay.frames.crypto.ContentHash;
import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.crypto.EventSigning;
import io.tapsrelay.frames.validate.FrameValidator;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.frames.validate.Violation;
import io.tapsrelay.relay.identity.PeerKeyResolver;
import io.tapsrelay.relay.store.AppendResult;
import io.tapsrelay.relay.store.EventIdEntry;
import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.store.StoredEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Checks offered events in the §3 order and stores the good ones in one group commit.
 *
 * <p>Order per event: {@code group_mismatch}, {@code invalid_event}, {@code content_hash_mismatch},
 * the duplicate check (a duplicate is acknowledged without a second signature check), then
 * {@code unknown_origin_key} and {@code invalid_signature}; {@code equivocation} and event-id
 * conflicts are decided by the store's writer, which sees every earlier write.
 *
 * <p>Threading: {@link #accept} may be called from any thread; the checks run on the bounded
 * {@code verifiers} executor (signature checks are the costliest step and must stay off the event
 * loops), split into chunks so one large batch uses every core.
 */
public final class EventIntake {
    /**
     * The fewest events worth a chunk of their own. A signature check costs about 130 µs and a
     * hand-off to a pool thread a few, so even a small batch is split: under light load that halves
     * the time its first ACK waits.
     */
    private static final int MIN_CHUNK = 4;

    private final EventStore store;
    private final PeerKeyResolver keys;
    private final Executor verifiers;
    private final int parallelism;
    private final List<StoredListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<RejectionListener> rejectionListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final IntakeCounters counters = new IntakeCounters();

    public EventIntake(EventStore store, PeerKeyResolver keys, Executor verifiers, int parallelism) {
        this.store = store;
        this.keys = keys;
        this.verifiers = verifiers;
        this.parallelism = Math.max(1, parallelism);
    }

    /** Registers a listener told of every newly stored event. */
    public void addListener(StoredListener listener) {
        listeners.add(listener);
    }

    /** Registers a listener told of every event a peer offered and intake refused. */
    public void addRejectionListener(RejectionListener listener) {
        rejectionListeners.add(listener);
    }

    /** Counters of what intake has seen, for metrics. */
    public IntakeCounters counters() {
        return counters;
    }

    /**
     * Checks and stores {@code offered}, answering one result per event in the same order. The
     * future completes only after the stored events are durable.
     *
     * @param pathGroup the group of the request path
     * @param fromPeer the peer that offered them (not sent back to it), or null
     */
    public CompletableFuture<List<IntakeResult>> accept(String pathGroup, List<OfferedEvent> offered, String fromPeer) {
        if (offered.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return resolveKeys(offered).thenCompose(resolved -> checkInChunks(pathGroup, offered, resolved))
                .thenCompose(checked -> store(pathGroup, checked, fromPeer));
    }

    /** Resolves the distinct (origin, key id) pairs of the batch once, before any verification. */
    private CompletableFuture<Map<KeyRef, Optional<Ed25519Keys.PublicKey>>> resolveKeys(List<OfferedEvent> offered) {
        Map<KeyRef, CompletableFuture<Optional<Ed25519Keys.PublicKey>>> pending = new HashMap<>();
        KeyRef previous = null;
        for (OfferedEvent e : offered) {
            if (e.payload() instanceof EventRecord r && r.originServer() != null && r.keyId() != null) {
                // Events of one origin come in runs: a run asks the map once.
                if (previous != null && previous.is(r.originServer(), r.keyId())) {
                    continue;
                }
                KeyRef ref = new KeyRef(r.originServer(), r.keyId());
                pending.computeIfAbsent(ref, k -> keys.resolve(k.server(), k.keyId()).exceptionally(t -> Optional.empty()));
                previous = ref;
            }
        }
        return CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<KeyRef, Optional<Ed25519Keys.PublicKey>> out = new HashMap<>();
            pending.forEach((k, f) -> out.put(k, f.join()));
            return out;
        });
    }

    private CompletableFuture<Checked[]> checkInChunks(
            String pathGroup, List<OfferedEvent> offered, Map<KeyRef, Optional<Ed25519Keys.PublicKey>> resolved) {
        int n = offered.size();
        Checked[] out = new Checked[n];
        int chunks = Math.max(1, Math.min(parallelism, n / MIN_CHUNK));
        int per = (n + chunks - 1) / chunks;
        List<CompletableFuture<Void>> parts = new ArrayList<>(chunks);
        for (int start = 0; start < n; start += per) {
            int from = start;
            int to = Math.min(n, start + per);
            parts.add(CompletableFuture.runAsync(() -> {
                CommittedSeqs committed = new CommittedSeqs(pathGroup);
                for (int i = from; i < to; i++) {
                    out[i] = check(pathGroup, offered.get(i), resolved, committed);
                }
            }, verifiers));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> out);
    }

    private Checked check(String pathGroup, OfferedEvent offered, Map<KeyRef, Optional<Ed25519Keys.PublicKey>> resolved,
            CommittedSeqs committed) {
        if (offered.payload() instanceof InvalidPayload invalid) {
            return Checked.rejected(null, null, ErrorCode.INVALID_EVENT, "invalid_event: " + invalid.problem());
        }
        EventRecord r = (EventRecord) offered.payload();
        Optional<Violation> violation = FrameValidator.event(r, offered.frameGroupId(), pathGroup);
        if (violation.isPresent()) {
            return Checked.rejected(r.eventId(), r.originSeq(), violation.get().code(), violation.get().message());
        }
        String eventId = Ulids.canonical(r.eventId());
        StoredEvent candidate = new StoredEvent(pathGroup, eventId, r.originServer(), r.originSeq(),
                ContentHash.parse(r.contentHash()), r.raw());
        // Nothing is stored above an origin's highest committed sequence, so an event there is not a
        // duplicate and needs no index probe before its signature check: the writer probes anyway and
        // decides. Should the event be refused below, the probe runs after all, so an event-id conflict
        // still comes first as §3 orders it.
        boolean probed = r.originSeq() <= committed.maxSeq(r.originServer());
        if (probed) {
            Optional<Checked> known = byEventId(candidate, r);
            if (known.isPresent()) {
                return known.get();
            }
        }
        Optional<Ed25519Keys.PublicKey> key = resolved.getOrDefault(new KeyRef(r.originServer(), r.keyId()), Optional.empty());
        if (key.isEmpty()) {
            return refused(probed, candidate, r, Checked.rejected(eventId, r.originSeq(), ErrorCode.UNKNOWN_ORIGIN_KEY,
                    "unknown_origin_key: no key " + r.keyId() + " known for " + r.originServer()));
        }
        if (!EventSigning.verify(key.get(), EventSigning.signingInput(pathGroup, r), r.signature())) {
            return refused(probed, candidate, r, Checked.rejected(eventId, r.originSeq(), ErrorCode.INVALID_SIGNATURE,
                    "invalid_signature: signature of event " + eventId + " does not verify with " + r.keyId()));
        }
        return new Checked(candidate, null);
    }

    /** The verdict of the event-id index on {@code candidate}: a duplicate, a conflict, or empty when unknown. */
    private Optional<Checked> byEventId(StoredEvent candidate, EventRecord r) {
        Optional<EventIdEntry> known = store.findEventId(candidate.eventId());
        if (known.isEmpty()) {
            return Optional.empty();
        }
        if (known.get().matches(candidate)) {
            return Optional.of(new Checked(candidate, new IntakeResult.Duplicate(candidate.eventId(), r.originSeq())));
        }
        return Optional.of(Checked.rejected(candidate.eventId(), r.originSeq(), ErrorCode.INVALID_EVENT,
                "invalid_event: event_id " + candidate.eventId() + " is already stored with other values"));
    }

    /** {@code refusal}, unless the index (not probed yet) knows the event: then its verdict comes first. */
    private Checked refused(boolean probed, StoredEvent candidate, EventRecord r, Checked refusal) {
        return probed ? refusal : byEventId(candidate, r).orElse(refusal);
    }

    private CompletableFuture<List<IntakeResult>> store(String group, Checked[] checked, String fromPeer) {
        List<StoredEvent> toAppend = new ArrayList<>();
        for (Checked c : checked) {
            if (c.result == null) {
                toAppend.add(c.event);
            }
        }
        CompletableFuture<List<AppendResult>> appended = toAppend.isEmpty()
                ? CompletableFuture.completedFuture(List.of())
                : store.append(toAppend);
        return appended.thenApply(results -> {
            List<IntakeResult> out = new ArrayList<>(checked.length);
            List<StoredEvent> stored = new ArrayList<>();
            int next = 0;
            for (Checked c : checked) {
                IntakeResult r = c.result;
                if (r == null) {
                    AppendResult a = results.get(next++);
                    r = fromAppend(a);
                    if (r instanceof IntakeResult.Stored) {
                        stored.add(a.event());
                    }
                }
                counters.count(r);
                if (fromPeer != null && r instanceof IntakeResult.Rejected rej) {
                    for (RejectionListener l : rejectionListeners) {
                        l.onRejected(fromPeer, rej);
                    }
                }
                out.add(r);
            }
            if (!stored.isEmpty()) {
                for (StoredListener l : listeners) {
                    l.onStored(group, stored, fromPeer);
                }
            }
            return out;
        });
    }

    static IntakeResult fromAppend(AppendResult a) {
        StoredEvent e = a.event();
        return switch (a.status()) {
            case STORED -> new IntakeResult.Stored(e.eventId(), e.originSeq());
            case DUPLICATE -> new IntakeResult.Duplicate(e.eventId(), e.originSeq());
            case EVENT_ID_CONFLICT -> new IntakeResult.Rejected(e.eventId(), e.originSeq(), ErrorCode.INVALID_EVENT,
                    "invalid_event: event_id " + e.eventId() + " is already stored with other values");
            case EQUIVOCATION -> new IntakeResult.Rejected(e.eventId(), e.originSeq(), ErrorCode.EQUIVOCATION,
                    "equivocation: " + e.originServer() + " sequence " + e.originSeq() + " in " + e.groupId()
                            + " is already held by another event; the first one stays");
        };
    }

    /** An origin's signing key, as events name it. */
    private record KeyRef(String server, String keyId) {
        boolean is(String otherServer, String otherKeyId) {
            return server.equals(otherServer) && keyId.equals(otherKeyId);
        }
    }

    /**
     * The highest committed sequence of each origin in one group, read once per run of events from
     * the same origin. Belongs to one chunk's thread.
     */
    private final class CommittedSeqs {
        private final String group;
        private String lastOrigin;
        private long lastMaxSeq;

        CommittedSeqs(String group) {
            this.group = group;
        }

        long maxSeq(String origin) {
            if (!origin.equals(lastOrigin)) {
                lastMaxSeq = store.originState(group, origin).maxSeq();
                lastOrigin = origin;
            }
            return lastMaxSeq;
        }
    }

    /** The check's verdict: a result when decided early, or null to let the store decide. */
    private record Checked(StoredEvent event, IntakeResult result) {
        static Checked rejected(String eventId, Long seq, ErrorCode code, String message) {
            return new Checked(null, new IntakeResult.Rejected(eventId, seq, code, message));
        }
    }
}
