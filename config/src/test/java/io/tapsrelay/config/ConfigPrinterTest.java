package io.tapsrelay.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.config.internal.Schema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConfigPrinterTest {
    private static RelayConfig roundTrip(RelayConfig config) throws ConfigException {
        return ConfigLoader.parse(ConfigPrinter.toYaml(config), "printed.yaml");
    }

    @Test
    void theDefaultsRoundTrip() throws ConfigException {
        assertEquals(RelayConfig.defaults(), roundTrip(RelayConfig.defaults()));
    }

    @Test
    void aConfigWithEverySectionSetRoundTrips() throws ConfigException {
        RelayConfig full = ConfigLoader.parse(ConfigLoaderTest.FULL, "relay.yaml");
        assertEquals(full, roundTrip(full));
    }

    @Test
    void theOutputNamesEveryKeyOfTheSchema() throws ConfigException {
        String yaml = ConfigPrinter.toYaml(ConfigLoader.parse(ConfigLoaderTest.FULL, "relay.yaml"));
        List<List<String>> levels = List.of(Schema.ROOT, Schema.STORAGE, Schema.TLS, Schema.FEDERATION, Schema.PEER,
                Schema.CREDIT, Schema.KEEPALIVE, Schema.SIGNING, Schema.CLIENT, Schema.ANTIENTROPY, Schema.LIMITS,
                Schema.LOGGING);
        for (List<String> keys : levels) {
            for (String key : keys) {
                assertTrue(yaml.contains(key + ":"), key + " missing from\n" + yaml);
            }
        }
    }

    @Test
    void theDefaultOutputShowsReadableValues() {
        String yaml = ConfigPrinter.toYaml(RelayConfig.defaults());
        assertTrue(yaml.contains("\n  request_skew: 5m\n"), yaml);
        assertTrue(yaml.contains("\n  max_message_size: 16KiB\n"), yaml);
        assertTrue(yaml.contains("\n  supported_groups: [\"*\"]\n"), yaml);
        assertTrue(yaml.contains("\n  key_path: null  # default: ./data/signing-key.pem\n"), yaml);
        assertTrue(yaml.contains("\npeers: []\n"), yaml);
    }

    @Test
    void awkwardStringsSurviveTheRoundTrip() throws ConfigException {
        RelayConfig awkward = RelayConfig.defaults()
                .withServerId("1e3")
                .withStorage(new StorageConfig(Path.of("dir with 'quotes' \"and\" # hash: colon\\back"), true))
                .withClients(List.of(new ClientConfig("true", "0".repeat(64), List.of("g!~odd.name_-*"))))
                .withPeers(List.of(PeerConfig.of("no", "http://[::1]:8458")));
        assertEquals(awkward, roundTrip(awkward));
    }

    @Test
    void randomConfigsRoundTrip() throws ConfigException {
        long seed = 0xc0ff1eL;
        Random random = new Random(seed);
        for (int i = 0; i < 100; i++) {
            RelayConfig config = randomConfig(random);
            assertEquals(config, roundTrip(config), "seed " + seed + ", iteration " + i);
        }
    }

    private static RelayConfig randomConfig(Random r) {
        int maxMessage = FederationConfig.MIN_MESSAGE_SIZE + r.nextInt(1 << 20);
        List<PeerConfig> peers = new ArrayList<>();
        for (int i = 0; i < r.nextInt(4); i++) {
            Map<String, String> keys = new LinkedHashMap<>();
            for (int k = 0; k < r.nextInt(3); k++) {
                byte[] key = new byte[32];
                r.nextBytes(key);
                keys.put("ed25519:k" + k, Base64.getEncoder().encodeToString(key));
            }
            peers.add(new PeerConfig("peer-" + i + ".example:" + (1 + r.nextInt(65535)),
                    (r.nextBoolean() ? "https" : "http") + "://peer-" + i + ".example", pick(r), r.nextBoolean(), keys));
        }
        List<ClientConfig> clients = new ArrayList<>();
        for (int i = 0; i < r.nextInt(3); i++) {
            StringBuilder hex = new StringBuilder();
            for (int h = 0; h < 64; h++) {
                hex.append(Character.forDigit(r.nextInt(16), 16));
            }
            clients.add(new ClientConfig("client-" + i, hex.toString(), pick(r)));
        }
        Duration interval = Duration.ofMillis(1 + r.nextInt(1_000_000));
        Duration aeInterval = Duration.ofSeconds(1 + r.nextInt(100_000));
        return new RelayConfig(
                "relay-" + r.nextInt(1000) + ".example",
                "http://relay.example:" + (1 + r.nextInt(65535)),
                new HostPort("127.0.0.1", r.nextInt(30000)),
                new HostPort("::1", 30000 + r.nextInt(30000)),
                new StorageConfig(Path.of("data", "r" + r.nextInt(100)), r.nextBoolean()),
                r.nextBoolean() ? TlsConfig.disabled() : new TlsConfig(Path.of("c.pem"), Path.of("k.pem"),
                        r.nextBoolean() ? null : Path.of("/etc/ca.pem")),
                new FederationConfig(r.nextBoolean() ? FederationMode.OPEN : FederationMode.ALLOW_LIST,
                        Duration.ofMillis(1 + r.nextInt(600_000)), List.of("blocked-" + r.nextInt(9) + ".example"),
                        1 + r.nextInt(1000), maxMessage, pick(r)),
                peers,
                new CreditConfig(1 + r.nextInt(5000), maxMessage + 1L + r.nextInt(1 << 24)),
                new KeepaliveConfig(interval, interval.plusMillis(1 + r.nextInt(1_000_000))),
                new SigningConfig(r.nextBoolean() ? null : Path.of("keys/k" + r.nextInt(9) + ".pem"),
                        Duration.ofHours(1 + r.nextInt(2000))),
                clients,
                new AntiEntropyConfig(r.nextBoolean(), aeInterval, Duration.ofMillis(r.nextInt(1000)),
                        maxMessage + 1L + r.nextInt(1 << 26), 1 + r.nextInt(8)),
                new LimitsConfig(r.nextInt(3) == 0 ? 0 : r.nextDouble() * 10_000, r.nextInt(1 << 30),
                        r.nextInt(3) == 0 ? 0 : r.nextInt(500), r.nextInt(1 << 20), 1 + r.nextInt(500),
                        1 + r.nextInt(100), Duration.ofMinutes(1 + r.nextInt(120))),
                new LoggingConfig(LoggingConfig.FORMATS.get(r.nextInt(2)), LoggingConfig.LEVELS.get(r.nextInt(4))));
    }

    private static List<String> pick(Random r) {
        String[] patterns = {"*", "g!team-7", "g!acme-*", "g!*", "g!a.b_c~d"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= r.nextInt(3); i++) {
            out.add(patterns[r.nextInt(patterns.length)]);
        }
        return out;
    }
}
