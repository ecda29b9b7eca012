package io.tapsrelay.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    static final String KEY_B64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String TOKEN_SHA256 = "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b";

    /** Every key set to a value other than its default. */
    static final String FULL = """
            server_id: relay-a.example
            public_url: https://relay-a.example:9448/
            listen: 0.0.0.0:9448
            admin_listen: "[::1]:9449"
            storage:
              path: /var/lib/tapsrelay
              sync: false
            tls:
              cert: certs/relay.pem
              key: certs/relay.key
              ca_file: certs/ca.pem
            federation:
              mode: open
              request_skew: 2m
              blocked: [evil.example, "10.0.0.9:8448"]
              max_concurrent_streams: 50
              max_message_size: 32KiB
              supported_groups: ["g!acme-*", g!ops]
            peers:
              - server_id: relay-b.example
                url: https://relay-b.example
                groups: ["g!acme-*"]
                dial: false
                keys:
                  "ed25519:b1": %s
              - server_id: "127.0.0.1:8458"
                url: http://127.0.0.1:8458
            credit:
              window_events: 64
              window_bytes: 1MiB
            keepalive:
              interval: 10s
              timeout: 45s
            signing:
              key_path: keys/signing.pem
              rotation_interval: 7d
            clients:
              - name: ops-script
                token_sha256: %s
                groups: [g!ops]
            antientropy:
              enabled: false
              interval: 1h
              jitter: 500ms
              response_limit: 2MiB
              max_concurrent: 4
            limits:
              peer_events_per_second: 250.5
              peer_bytes_per_second: 2MiB
              client_events_per_second: 10
              client_bytes_per_second: 64KiB
              max_streams_per_peer: 20
              quarantine_threshold: 5
              quarantine_window: 1h
            logging:
              format: json
              level: debug
            """.formatted(KEY_B64, TOKEN_SHA256.toUpperCase());

    @Test
    void anEmptyFileGivesTheDefaults() throws ConfigException {
        assertEquals(RelayConfig.defaults(), ConfigLoader.parse("", "relay.yaml"));
        assertEquals(RelayConfig.defaults(), ConfigLoader.parse("# nothing but a comment\n", "relay.yaml"));
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        RelayConfig d = RelayConfig.defaults();
        assertEquals("127.0.0.1:8448", d.serverId());
        assertEquals("http://127.0.0.1:8448", d.publicUrl());
        assertEquals(HostPort.parse("127.0.0.1:8448"), d.listen());
        assertEquals(HostPort.parse("127.0.0.1:8449"), d.adminListen());
        assertEquals(Path.of("./data"), d.storage().path());
        assertTrue(d.storage().sync());
        assertFalse(d.tls().enabled());
        assertEquals(FederationMode.ALLOW_LIST, d.federation().mode());
        assertEquals(Duration.ofSeconds(300), d.federation().requestSkew());
        assertEquals(List.of(), d.federation().blocked());
        assertEquals(100, d.federation().maxConcurrentStreams());
        assertEquals(16384, d.federation().maxMessageSize());
        assertEquals(List.of("*"), d.federation().supportedGroups());
        assertEquals(List.of(), d.peers());
        assertEquals(1024, d.credit().windowEvents());
        assertEquals(4L * 1024 * 1024, d.credit().windowBytes());
        assertEquals(Duration.ofSeconds(30), d.keepalive().interval());
        assertEquals(Duration.ofSeconds(90), d.keepalive().timeout());
        assertNull(d.signing().keyPath());
        assertEquals(Path.of("./data/signing-key.pem"), d.signing().resolvedKeyPath(d.storage()));
        assertEquals(Duration.ofDays(30), d.signing().rotationInterval());
        assertEquals(List.of(), d.clients());
        assertEquals(new AntiEntropyConfig(true, Duration.ofMinutes(5), Duration.ofSeconds(30), 8L << 20, 2),
                d.antiEntropy());
        assertEquals(new LimitsConfig(0, 0, 0, 0, 200, 20, Duration.ofMinutes(10)), d.limits());
        assertEquals(new LoggingConfig("text", "info"), d.logging());
    }

    @Test
    void everySectionIsParsed() throws ConfigException {
        RelayConfig c = ConfigLoader.parse(FULL, "relay.yaml");
        assertEquals("relay-a.example", c.serverId());
        assertEquals("https://relay-a.example:9448", c.publicUrl(), "one trailing slash is dropped");
        assertEquals(new HostPort("0.0.0.0", 9448), c.listen());
        assertEquals(new HostPort("::1", 9449), c.adminListen());
        assertEquals(new StorageConfig(Path.of("/var/lib/tapsrelay"), false), c.storage());
        assertEquals(new TlsConfig(Path.of("certs/relay.pem"), Path.of("certs/relay.key"), Path.of("certs/ca.pem")),
                c.tls());
        assertTrue(c.tls().enabled());
        assertEquals(new FederationConfig(FederationMode.OPEN, Duration.ofMinutes(2),
                List.of("evil.example", "10.0.0.9:8448"), 50, 32768, List.of("g!acme-*", "g!ops")), c.federation());
        assertEquals(List.of(
                new PeerConfig("relay-b.example", "https://relay-b.example", List.of("g!acme-*"), false,
                        Map.of("ed25519:b1", KEY_B64)),
                PeerConfig.of("127.0.0.1:8458", "http://127.0.0.1:8458")), c.peers());
        assertEquals(new CreditConfig(64, 1L << 20), c.credit());
        assertEquals(new KeepaliveConfig(Duration.ofSeconds(10), Duration.ofSeconds(45)), c.keepalive());
        assertEquals(new SigningConfig(Path.of("keys/signing.pem"), Duration.ofDays(7)), c.signing());
        assertEquals(List.of(new ClientConfig("ops-script", TOKEN_SHA256, List.of("g!ops"))), c.clients(),
                "an upper-case token hash is stored in lower case");
        assertEquals(new AntiEntropyConfig(false, Duration.ofHours(1), Duration.ofMillis(500), 2L << 20, 4),
                c.antiEntropy());
        assertEquals(new LimitsConfig(250.5, 2L << 20, 10, 64 * 1024, 20, 5, Duration.ofHours(1)), c.limits());
        assertEquals(new LoggingConfig("json", "debug"), c.logging());
    }

    @Test
    void serverIdDefaultsToTheListenAddress() throws ConfigException {
        RelayConfig c = ConfigLoader.parse("listen: 127.0.0.1:8458\nadmin_listen: 127.0.0.1:8459\n", "relay.yaml");
        assertEquals("127.0.0.1:8458", c.serverId());
        assertEquals("http://127.0.0.1:8458", c.publicUrl());
    }

    @Test
    void publicUrlDefaultsToHttpsWhenTlsIsOn() throws ConfigException {
        RelayConfig c = ConfigLoader.parse("tls:\n  cert: a.pem\n  key: a.key\n", "relay.yaml");
        assertEquals("https://127.0.0.1:8448", c.publicUrl());
    }

    @Test
    void anEphemeralListenerWorksWithAnExplicitServerId() throws ConfigException {
        RelayConfig c = ConfigLoader.parse("server_id: relay-t\nlisten: localhost:0\nadmin_listen: localhost:0\n", "t");
        assertTrue(c.listen().ephemeral());
        assertEquals("http://localhost:0", c.publicUrl());
    }

    @Test
    void aNullValueMeansTheDefault() throws ConfigException {
        RelayConfig c = ConfigLoader.parse("server_id:\nstorage:\n  path: ~\ntls:\nsigning:\n  key_path:\n", "t");
        assertEquals(RelayConfig.defaults(), c);
    }

    @Test
    void relativePathsAreKeptAsWrittenForTheWorkingDirectoryToResolve() throws ConfigException {
        RelayConfig c = ConfigLoader.parse("storage:\n  path: data/relay-a\n", "t");
        assertEquals(Path.of("data/relay-a"), c.storage().path());
        assertFalse(c.storage().path().isAbsolute());
    }

    @Test
    void loadReadsAFileAndNamesItInProblems(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("relay.yaml");
        Files.writeString(file, "keepalive:\n  interval: 10s\n");
        assertEquals(Duration.ofSeconds(10), ConfigLoader.load(file).keepalive().interval());

        Files.writeString(file, "keepalive:\n  interval: 10\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(file + ": keepalive.interval: '10' is not a duration; expected a number with a unit such as"
                + " 500ms, 30s, 5m, 2h or 30d", e.getMessage());
    }

    @Test
    void aMissingFileIsOneProblem(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(file + ": the file does not exist", e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsOneProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "server_id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(file + ": the file is not valid UTF-8", e.getMessage());
    }

    @Test
    void aByteOrderMarkAtTheStartIsAccepted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bom.yaml");
        Files.writeString(file, "\ufeffserver_id: relay-a\n");
        assertEquals("relay-a", ConfigLoader.load(file).serverId());
    }

    @Test
    void theLoadedListsCannotBeChanged() throws ConfigException {
        RelayConfig c = ConfigLoader.parse(FULL, "relay.yaml");
        assertThrows(UnsupportedOperationException.class, () -> c.peers().clear());
        assertThrows(UnsupportedOperationException.class, () -> c.peers().get(0).keys().clear());
        assertThrows(UnsupportedOperationException.class, () -> c.federation().blocked().clear());
        assertThrows(UnsupportedOperationException.class, () -> c.clients().get(0).groups().clear());
    }

    @Test
    void peerLooksUpAConfiguredPeerById() throws ConfigException {
        RelayConfig c = ConfigLoader.parse(FULL, "relay.yaml");
        assertEquals("https://relay-b.example", c.peer("relay-b.example").orElseThrow().url());
        assertTrue(c.peer("relay-z.example").isEmpty());
        assertEquals(32, c.peer("relay-b.example").orElseThrow().pinnedKey("ed25519:b1").length);
    }
}
