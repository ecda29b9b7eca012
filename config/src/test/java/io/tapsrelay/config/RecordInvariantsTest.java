package io.tapsrelay.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configurations built in code are held to the same rules as loaded ones. */
class RecordInvariantsTest {
    private static final RelayConfig D = RelayConfig.defaults();

    @Test
    void aServerIdMustHaveTheServerIdForm() {
        assertThrows(IllegalArgumentException.class, () -> D.withServerId("Relay A"));
    }

    @Test
    void aPeerWithThisRelaysOwnIdIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> D.withPeers(List.of(PeerConfig.of(D.serverId(), "http://127.0.0.1:8448"))));
    }

    @Test
    void aPeerListedTwiceIsRefused() {
        PeerConfig b = PeerConfig.of("relay-b", "http://relay-b:8448");
        assertThrows(IllegalArgumentException.class, () -> D.withPeers(List.of(b, b)));
    }

    @Test
    void aCreditWindowBelowOneFrameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> D.withCredit(new CreditConfig(1, 16384)));
        assertEquals(16385, D.withCredit(new CreditConfig(1, 16385)).credit().windowBytes());
    }

    @Test
    void aKeepaliveTimeoutNotAboveTheIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new KeepaliveConfig(Duration.ofSeconds(30), Duration.ofSeconds(30)));
    }

    @Test
    void tlsWithOnlyACertificateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TlsConfig(Path.of("c.pem"), null, null));
    }

    @Test
    void pinnedKeysMustDecodeToThirtyTwoBytes() {
        assertThrows(IllegalArgumentException.class, () -> new PeerConfig("relay-b", "http://relay-b", List.of("*"),
                true, Map.of("ed25519:a", "AAAA")));
        assertThrows(IllegalArgumentException.class, () -> new PeerConfig("relay-b", "http://relay-b", List.of("*"),
                true, Map.of("rsa:a", ConfigLoaderTest.KEY_B64)));
    }

    @Test
    void aClientTokenHashMustBeLowerCaseHex() {
        assertThrows(IllegalArgumentException.class,
                () -> new ClientConfig("cli", ConfigLoaderTest.TOKEN_SHA256.toUpperCase(), List.of("*")));
    }

    @Test
    void listsAreCopiedSoLaterChangesDoNotLeakIn() {
        List<String> blocked = new ArrayList<>(List.of("evil.example"));
        FederationConfig f = new FederationConfig(FederationMode.OPEN, Duration.ofSeconds(1), blocked, 1, 1024,
                List.of("*"));
        blocked.add("other.example");
        assertEquals(List.of("evil.example"), f.blocked());
    }

    @Test
    void maxMessageSizeStaysWithinItsBounds() {
        assertThrows(IllegalArgumentException.class, () -> new FederationConfig(FederationMode.OPEN,
                Duration.ofSeconds(1), List.of(), 1, 1023, List.of("*")));
    }

    @Test
    void theSigningKeyDefaultsToAFileInTheDataDirectory() {
        StorageConfig storage = new StorageConfig(Path.of("/srv/relay"), true);
        assertEquals(Path.of("/srv/relay/signing-key.pem"), SigningConfig.defaults().resolvedKeyPath(storage));
        assertEquals(Path.of("k.pem"), new SigningConfig(Path.of("k.pem"), Duration.ofDays(1)).resolvedKeyPath(storage));
    }

    @Test
    void theReportOfAnExceptionIsOneProblemPerLine() {
        ConfigException e = new ConfigException(List.of(
                new ConfigProblem("a.yaml", "x", null, "unknown key", null, null),
                new ConfigProblem("a.yaml", "y", "1", "a whole number", null)));
        assertEquals("a.yaml: x: unknown key\na.yaml: y: '1' is not valid; expected a whole number", e.getMessage());
    }
}
