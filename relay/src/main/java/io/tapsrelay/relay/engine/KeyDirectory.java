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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Every origin key the relay can verify with (§6): its own keys, keys pinned in configuration, keys
 * cached durably in the store, and keys fetched from the origin's {@code /keys/current} — at the
 * configured peer URL, or {@code https://<server id>} for an origin that is not configured.
 *
 * <p>Decoded keys stay in memory, so the common case answers with a completed future. Concurrent
 * look-ups of one server share a single fetch, and a server whose fetch failed is not asked again
 * for {@link #REFETCH_AFTER_MS}. Results complete on {@code verifiers}, never on an event loop.
 */
public final class KeyDirectory implements PeerKeyResolver {
    private static final Logger LOG = Logger.getLogger(KeyDirectory.class.getName());
    static final long REFETCH_AFTER_MS = 10_000;
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
    private final Map<String, Ed25519Keys.PublicKey> decoded = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> fetches = new ConcurrentHashMap<>();
    private final Map<String, Long> lastFailure = new ConcurrentHashMap<>();

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
        Long failedAt = lastFailure.get(serverId);
        if (failedAt != null && clock.millis() - failedAt < REFETCH_AFTER_MS) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> shared = fetches.putIfAbsent(serverId, mine);
        if (shared == null) {
            shared = mine;
            fetch(serverId).whenComplete((ok, error) -> {
                fetches.remove(serverId, mine);
                mine.complete(null);
            });
        }
        return shared.thenApplyAsync(ok -> known(serverId, keyId), verifiers);
    }

    private Optional<Ed25519Keys.PublicKey> known(String serverId, String keyId) {
        String k = serverId + ' ' + keyId;
        Ed25519Keys.PublicKey hit = decoded.get(k);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<byte[]> raw;
        if (serverId.equals(selfId)) {
            raw = ownKeys.publicKeyFor(keyId);
        } else if (pinned.containsKey(serverId)) {
            raw = Optional.ofNullable(pinned.get(serverId).get(keyId));
        } else {
            raw = store.peerKey(serverId, keyId)
                    .filter(c -> c.validUntilMillis() == 0 || c.validUntilMillis() > clock.millis())
                    .map(CachedKey::publicKey);
        }
        Optional<Ed25519Keys.PublicKey> key = raw.flatMap(Ed25519Keys::publicKey);
        key.ifPresent(pk -> decoded.put(k, pk));
        return key;
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
            lastFailure.remove(serverId);
            LOG.info(() -> "event=peer-keys-fetched peer=" + serverId + " key_id=" + doc.keyId()
                    + " old_keys=" + doc.oldKeys().size());
        }, verifiers).whenComplete((ok, error) -> {
            if (error != null) {
                lastFailure.put(serverId, clock.millis());
                LOG.warning(() -> "event=peer-keys-fetch-failed peer=" + serverId + " url=" + base
                        + " error=\"" + error.getMessage() + "\"");
            }
        });
    }
}
