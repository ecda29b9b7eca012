package io.tapsrelay.relay.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.crypto.Ed25519Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PinnedKeysTest {
    private static final byte[] B_KEY = Ed25519Keys.fromSecret(new byte[32]).publicKey();
    private static final byte[] C_KEY = Ed25519Keys.fromSecret(filled(7)).publicKey();

    private static byte[] filled(int value) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    private final List<String> delegated = new ArrayList<>();
    private final PeerKeyResolver delegate = (server, keyId) -> {
        delegated.add(server + " " + keyId);
        return CompletableFuture.completedFuture(Ed25519Keys.publicKey(C_KEY));
    };

    @Test
    void aPinnedKeyIsResolvedWithoutAskingTheDelegate() {
        PinnedKeys keys = new PinnedKeys(Map.of("b.example", Map.of("ed25519:b1", B_KEY)), delegate);
        assertArrayEquals(B_KEY, keys.resolve("b.example", "ed25519:b1").join().orElseThrow().raw());
        assertEquals(List.of(), delegated);
    }

    @Test
    void aServerWithoutPinsGoesToTheDelegate() {
        PinnedKeys keys = new PinnedKeys(Map.of("b.example", Map.of("ed25519:b1", B_KEY)), delegate);
        assertArrayEquals(C_KEY, keys.resolve("c.example", "ed25519:c1").join().orElseThrow().raw());
        assertEquals(List.of("c.example ed25519:c1"), delegated);
    }

    @Test
    void aPinnedServerNeverFetchesAKeyItDidNotPin() {
        PinnedKeys keys = new PinnedKeys(Map.of("b.example", Map.of("ed25519:b1", B_KEY)), delegate);
        assertEquals(Optional.empty(), keys.resolve("b.example", "ed25519:other").join());
        assertEquals(List.of(), delegated);
    }

    @Test
    void withoutADelegateUnpinnedServersAreUnknown() {
        assertTrue(new PinnedKeys(Map.of()).resolve("c.example", "ed25519:c1").join().isEmpty());
    }

    @Test
    void invalidPinsAreRefusedAtConstructionNamingTheEntry() {
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> new PinnedKeys(Map.of("b.example", Map.of("ed25519:b1", new byte[31]))));
        assertEquals("pinned key ed25519:b1 of b.example is not a 32-byte Ed25519 public key", shortKey.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PinnedKeys(Map.of("B!", Map.of("ed25519:b1", B_KEY))));
        assertThrows(IllegalArgumentException.class, () -> new PinnedKeys(Map.of("b.example", Map.of("b1", B_KEY))));
    }
}
