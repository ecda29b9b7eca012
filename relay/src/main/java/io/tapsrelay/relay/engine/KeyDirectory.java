package io.tapsrelay.relay.engine;

import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.relay.identity.KeysDocument;
import io.tapsrelay.relay.identity.PeerKeyResolver;
import io.tapsrelay.relay.identity.RetiredKey;
import io.tapsrelay.relay.identity.SigningKeys;
import io.tapsrelay.relay.store.CachedKey;
import io.tapsrelay.relay.store.EventStore;
import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Every origin key the relay can verify with (§6): its own keys, keys pinned in configuration, keys
 * cached durably in the store, and keys fetched from the origin's {@code /keys/current} — at the
 * configured peer URL, or {@code https://<server id>} for an origin that is not configured.
 *
 * <p>Decoded keys stay in memory with their expiry, so the common case answers with a completed
 * future and a retired key stops verifying at its {@code expired_ts}. Concurrent look-ups of one
 * server share a single fetch. A key id the server's document did not hold is not asked for again
 * for {@link #REFETCH_AFTER_MS}; one whose fetch failed only for {@link #MIN_FETCH_GAP_MS}, since
 * the failure says nothing about the key and the server (restarting, say) may answer a moment
 * later. A key id not yet looked up is fetched, because a peer that rotated signs with a key
 * nobody has seen yet, but never sooner than {@link #MIN_FETCH_GAP_MS} after the last fetch of
 * that server (such a look-up waits for the gap), so neither a stream of made-up key ids nor a
 * server that is down can turn into a storm of fetches. Results complete on {@code verifiers},
 * never on an event loop.
 */
public final class KeyDirectory implements PeerKeyResolver {
    private static final Logger LOG = Logger.getLogger(KeyDirectory.class.getName());
    static final long REFETCH_AFTER_MS = 10_000;
    static final long MIN_FETCH_GAP_MS = 1_000;
    private static final String KEYS_PATH = "/_taps/federation/keys/current";

    /** Fetches a document from a base URL and path; the relay's HTTP/2 client does it. */
    @FunctionalInterface
    public interface Fetcher {
        CompletableFuture<byte[]> get(URI base, String path);
    }

    private final String selfId;
    private final SigningKeys ownKeys;
    private final Map<String, Map<String, byte[]>> pinned;
    private final Function<String, Optional<String>> peerUrl;
    private final EventStore store;
    private final Fetcher fetcher;
    private final Executor verifiers;
    private final Clock clock;
    private final Map<String, Known> decoded = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> fetches = new ConcurrentHashMap<>();
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();

    /** A decoded key and the unix ms from which it no longer verifies (0: until further notice). */
    private record Known(Ed25519Keys.PublicKey key, long validUntil) {
        boolean validAt(long now) {
            return validUntil == 0 || now < validUntil;
        }
    }

    /**
     * The last fetch of one server's keys: when it finished, the key ids still unknown after it,
     * and for how many ms from then those misses stand. Replaced whole, never changed in place.
     */
    private record Attempt(long at, Set<String> missing, long missesStandMs) {
        /** Beyond this many misses remembered, more made-up key ids just wait for the next fetch. */
        static final int MAX_MISSING = 64;

        /** After a fetch that read the document, or one that failed. */
        static Attempt after(long at, boolean fetched) {
            return new Attempt(at, Set.of(), fetched ? REFETCH_AFTER_MS : MIN_FETCH_GAP_MS);
        }

        Attempt with(String keyId) {
            if (missing.size() >= MAX_MISSING || missing.contains(keyId)) {
                return this;
            }
            Set<String> more = new HashSet<>(missing);
            more.add(keyId);
            return new Attempt(at, Set.copyOf(more), missesStandMs);
        }
    }

    public KeyDirectory(String selfId, SigningKeys ownKeys, Map<String, Map<String, byte[]>> pinned,
            Function<String, Optional<String>> peerUrl, EventStore store, Fetcher fetcher, Executor verifiers,
            Clock clock) {
        this.selfId = selfId;
        this.ownKeys = ownKeys;
        this.pinned = Map.copyOf(pinned);
        this.peerUrl = peerUrl;
        this.store = store;
        this.fetcher = fetcher;
        this.verifiers = verifiers;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Optional<Ed25519Keys.PublicKey>> resolve(String serverId, String keyId) {
        Optional<Ed25519Keys.PublicKey> known = known(serverId, keyId);
        if (known.isPresent() || serverId.equals(selfId) || pinned.containsKey(serverId)) {
            return CompletableFuture.completedFuture(known);
        }
        CompletableFuture<Void> shared = fetches.get(serverId);
        if (shared == null) {
            long delay = fetchDelay(serverId, keyId);
            if (delay < 0) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            CompletableFuture<Void> mine = new CompletableFuture<>();
            shared = fetches.putIfAbsent(serverId, mine);
            if (shared == null) {
                shared = mine;
                CompletableFuture<Void> gap = delay == 0 ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.runAsync(() -> {},
                                CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, verifiers));
                gap.thenCompose(v -> fetch(serverId)).whenComplete((ok, error) -> {
                    attempts.put(serverId, Attempt.after(clock.millis(), error == null));
                    fetches.remove(serverId, mine);
                    mine.complete(null);
                });
            }
        }
        return shared.thenApplyAsync(ok -> {
            Optional<Ed25519Keys.PublicKey> found = known(serverId, keyId);
            if (found.isEmpty()) {
                attempts.computeIfPresent(serverId, (id, a) -> a.with(keyId));
            }
            return found;
        }, verifiers);
    }

    /**
     * For a look-up of {@code keyId} that missed: how many ms to wait before fetching
     * {@code serverId}'s document (the rest of the minimum gap since its last fetch), or -1 when the
     * last fetch already left the key unknown and the miss still stands.
     */
    private long fetchDelay(String serverId, String keyId) {
        Attempt last = attempts.get(serverId);
        if (last == null) {
            return 0;
        }
        long since = clock.millis() - last.at();
        if (last.missing().contains(keyId) && since < last.missesStandMs()) {
            return -1;
        }
        // A key id not seen yet waits for the gap to pass instead of being refused: the event that
        // carries it is most likely from a peer that has just rotated.
        return Math.max(0, MIN_FETCH_GAP_MS - since);
    }

    private Optional<Ed25519Keys.PublicKey> known(String serverId, String keyId) {
        long now = clock.millis();
        if (serverId.equals(selfId)) {
            // Own keys are not cached here: SigningKeys knows at every moment which of them still verify.
            return ownKeys.publicKeyFor(keyId).flatMap(Ed25519Keys::publicKey);
        }
        String k = serverId + ' ' + keyId;
        Known hit = decoded.get(k);
        if (hit != null) {
            return hit.validAt(now) ? Optional.of(hit.key()) : Optional.empty();
        }
        Optional<byte[]> raw;
        long validUntil = 0;
        if (pinned.containsKey(serverId)) {
            raw = Optional.ofNullable(pinned.get(serverId).get(keyId));
        } else {
            Optional<CachedKey> cached = store.peerKey(serverId, keyId);
            validUntil = cached.map(CachedKey::validUntilMillis).orElse(0L);
            raw = cached.filter(c -> c.validUntilMillis() == 0 || c.validUntilMillis() > now).map(CachedKey::publicKey);
        }
        Optional<Ed25519Keys.PublicKey> key = raw.flatMap(Ed25519Keys::publicKey);
        long until = validUntil;
        key.ifPresent(pk -> decoded.put(k, new Known(pk, until)));
        return key;
    }

    /**
     * Forgets the keys of {@code serverId} held in memory, so the next look-up reads what the
     * document just said; a key used since start that the document no longer lists at all (it
     * expired at the peer) is saved as expired, since it was cached as current without an expiry.
     */
    private void expireKeysMissingFrom(String serverId, KeysDocument.ParsedKeys doc) {
        String prefix = serverId + ' ';
        Set<String> listed = new HashSet<>();
        listed.add(doc.keyId());
        doc.oldKeys().forEach(old -> listed.add(old.keyId()));
        long now = clock.millis();
        for (String k : Set.copyOf(decoded.keySet())) {
            if (!k.startsWith(prefix)) {
                continue;
            }
            String keyId = k.substring(prefix.length());
            Known gone = decoded.remove(k);
            if (gone != null && !listed.contains(keyId) && gone.validAt(now)) {
                store.peerKey(serverId, keyId).ifPresent(c -> store.savePeerKey(serverId, keyId, c.publicKey(), now));
            }
        }
    }

    private CompletableFuture<Void> fetch(String serverId) {
        URI base = URI.create(peerUrl.apply(serverId).orElse("https://" + serverId));
        return fetcher.get(base, KEYS_PATH).thenAcceptAsync(body -> {
            KeysDocument.ParsedKeys doc = KeysDocument.parseOrThrow(body);
            if (!doc.serverId().equals(serverId)) {
                throw new IllegalStateException("keys document of " + base + " names " + doc.serverId()
                        + ", not " + serverId);
            }
            // A current key stays usable after it rotates out until the peer's document says otherwise.
            store.savePeerKey(serverId, doc.keyId(), doc.publicKey(), 0);
            for (RetiredKey old : doc.oldKeys()) {
                store.savePeerKey(serverId, old.keyId(), old.publicKey(), old.expiredTs());
            }
            expireKeysMissingFrom(serverId, doc);
            LOG.info(() -> "event=peer-keys-fetched peer=" + serverId + " key_id=" + doc.keyId()
                    + " old_keys=" + doc.oldKeys().size());
        }, verifiers).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warning(() -> "event=peer-keys-fetch-failed peer=" + serverId + " url=" + base
                        + " error=\"" + error.getMessage() + "\"");
            }
        });
    }
}
