package io.tapsrelay.relay.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.relay.identity.KeysDocument;
import io.tapsrelay.relay.identity.SigningKeys;
import io.tapsrelay.relay.store.RocksEventStore;
import io.tapsrelay.relay.testing.TestClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching peers' keys: refetch on a new key id, no refetch storms, and retired keys that expire. */
class KeyDirectoryTest {
    private static final String PEER = "peer.test";
    private static final Duration INTERVAL = Duration.ofHours(1);

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(1_800_000_000_000L);
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicBoolean peerDown = new AtomicBoolean();
    private ExecutorService verifiers;
    private RocksEventStore store;
    private SigningKeys peerKeys;
    private KeyDirectory directory;

    @BeforeEach
    void setUp() throws IOException {
        verifiers = Executors.newFixedThreadPool(2);
        store = RocksEventStore.open(dir.resolve("events"), false);
        peerKeys = SigningKeys.loadOrCreate(dir.resolve("peer.pem"), clock, INTERVAL);
        SigningKeys own = SigningKeys.loadOrCreate(dir.resolve("own.pem"), clock, INTERVAL);
        KeyDirectory.Fetcher fetcher = (base, path) -> {
            fetches.incrementAndGet();
            return peerDown.get()
                    ? CompletableFuture.failedFuture(new IOException("connection refused"))
                    : CompletableFuture.completedFuture(KeysDocument.json(PEER, peerKeys));
        };
        directory = new KeyDirectory("self.test", own, Map.of(), id -> Optional.of("http://127.0.0.1:9"), store,
                fetcher, verifiers, clock);
    }

    @AfterEach
    void tearDown() {
        verifiers.shutdownNow();
        store.close();
    }

    @Test
    void aPeerThatRotatedIsFetchedAgainForItsNewKeyIdAndItsOldKeyVerifiesUntilItExpires() throws Exception {
        String first = peerKeys.current().keyId();
        assertTrue(resolve(first).isPresent());
        assertEquals(1, fetches.get());

        peerKeys.rotate();
        clock.advance(Duration.ofSeconds(2));
        assertTrue(resolve(peerKeys.current().keyId()).isPresent(), "the new key id made the directory refetch");
        assertEquals(2, fetches.get());
        assertTrue(resolve(first).isPresent(), "the retired key still verifies");

        clock.advance(INTERVAL);
        assertFalse(resolve(first).isPresent(), "the retired key no longer verifies after its expired_ts");
    }

    @Test
    void aKeyIdTheDocumentLackedIsNotAskedForAgainForTenSeconds() throws Exception {
        resolve(peerKeys.current().keyId());
        String madeUp = "ed25519:nosuchkey";
        clock.advance(Duration.ofSeconds(2));
        assertFalse(resolve(madeUp).isPresent());
        assertEquals(2, fetches.get());
        clock.advance(Duration.ofSeconds(5));
        assertFalse(resolve(madeUp).isPresent());
        assertEquals(2, fetches.get(), "the miss is remembered");
        clock.advance(Duration.ofMillis(KeyDirectory.REFETCH_AFTER_MS));
        assertFalse(resolve(madeUp).isPresent());
        assertEquals(3, fetches.get(), "asked again once the negative cache ran out");
    }

    @Test
    void aNewKeyIdIsFetchedEvenSoonAfterAFailedFetchButTheFailedOneIsNot() throws Exception {
        peerDown.set(true);
        String first = peerKeys.current().keyId();
        assertFalse(resolve(first).isPresent());
        assertEquals(1, fetches.get());
        peerDown.set(false);
        clock.advance(Duration.ofMillis(KeyDirectory.MIN_FETCH_GAP_MS / 2));
        assertFalse(resolve(first).isPresent(), "the failed look-up stands within the minimum gap");
        assertEquals(1, fetches.get());
        peerKeys.rotate();
        assertTrue(resolve(peerKeys.current().keyId()).isPresent(), "a key id not seen yet is fetched");
        assertEquals(2, fetches.get());
    }

    @Test
    void aKeyIdWhoseFetchFailedIsFetchedAgainAsSoonAsTheMinimumGapHasPassed() throws Exception {
        peerDown.set(true);
        String key = peerKeys.current().keyId();
        assertFalse(resolve(key).isPresent());
        clock.advance(Duration.ofMillis(KeyDirectory.MIN_FETCH_GAP_MS - 1));
        assertFalse(resolve(key).isPresent());
        assertEquals(1, fetches.get(), "a peer that is down is not asked again within the gap");

        // It came back (it had only restarted): the failure said nothing about its keys.
        peerDown.set(false);
        clock.advance(Duration.ofMillis(1));
        assertTrue(resolve(key).isPresent(), "fetched again, not refused for " + KeyDirectory.REFETCH_AFTER_MS + " ms");
        assertEquals(2, fetches.get());
    }

    @Test
    void manyNewKeyIdsRightAfterAFetchWaitForTheGapAndShareOneFetch() throws Exception {
        resolve(peerKeys.current().keyId());
        peerKeys.rotate();
        String next = peerKeys.current().keyId();
        // The clock does not move: every look-up falls inside the minimum gap after the first fetch.
        List<CompletableFuture<?>> lookups = new ArrayList<>();
        CompletableFuture<Optional<io.tapsrelay.frames.crypto.Ed25519Keys.PublicKey>> real =
                directory.resolve(PEER, next);
        for (int i = 0; i < 50; i++) {
            lookups.add(directory.resolve(PEER, "ed25519:madeup" + i));
        }
        assertFalse(real.isDone(), "the fetch waits for the gap instead of refusing the new key");
        assertTrue(real.get(5, TimeUnit.SECONDS).isPresent());
        for (CompletableFuture<?> f : lookups) {
            f.get(5, TimeUnit.SECONDS);
        }
        assertEquals(2, fetches.get(), "one fetch for all of them");
    }

    private Optional<io.tapsrelay.frames.crypto.Ed25519Keys.PublicKey> resolve(String keyId) throws Exception {
        return directory.resolve(PEER, keyId).get(5, TimeUnit.SECONDS);
    }
}
