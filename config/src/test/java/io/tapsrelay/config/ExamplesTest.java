package io.tapsrelay.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped examples (the test runs with {@code config/} as its working directory). */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("examples");

    @Test
    void everyExampleFileIsAValidConfiguration() throws IOException, ConfigException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(EXAMPLES)) {
            files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no examples found in " + EXAMPLES.toAbsolutePath());
        for (Path file : files) {
            ConfigLoader.load(file);
        }
    }

    @Test
    void minimalStartsARelayWithTheDefaults() throws ConfigException {
        assertEquals(RelayConfig.defaults(), ConfigLoader.load(EXAMPLES.resolve("minimal.yaml")));
    }

    @Test
    void relaysAAndBFederateWithEachOtherOnLoopback() throws ConfigException {
        RelayConfig a = ConfigLoader.load(EXAMPLES.resolve("relay-a.yaml"));
        RelayConfig b = ConfigLoader.load(EXAMPLES.resolve("relay-b.yaml"));
        assertEquals("127.0.0.1:8448", a.serverId());
        assertEquals("127.0.0.1:8458", b.serverId());
        assertEquals(HostPort.parse("127.0.0.1:8449"), a.adminListen());
        assertEquals(HostPort.parse("127.0.0.1:8459"), b.adminListen());
        assertEquals(Path.of("./data/relay-a"), a.storage().path());
        assertEquals(Path.of("./data/relay-b"), b.storage().path());

        PeerConfig bSeenByA = a.peer(b.serverId()).orElseThrow();
        PeerConfig aSeenByB = b.peer(a.serverId()).orElseThrow();
        assertEquals("http://" + b.listen(), bSeenByA.url());
        assertEquals("http://" + a.listen(), aSeenByB.url());
        for (PeerConfig p : List.of(bSeenByA, aSeenByB)) {
            assertTrue(p.dial());
            assertEquals(List.of("*"), p.groups());
            assertTrue(p.keys().isEmpty(), "keys are fetched, not pinned");
        }
    }
}
