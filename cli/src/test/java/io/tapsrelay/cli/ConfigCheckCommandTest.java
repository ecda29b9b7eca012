package io.tapsrelay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.config.ConfigLoader;
import io.tapsrelay.config.RelayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void aValidFilePrintsTheEffectiveConfigurationAndSucceeds() throws Exception {
        Path file = dir.resolve("relay.yaml");
        Files.writeString(file, "server_id: relay-a.example\nfederation:\n  max_message_size: 32KiB\n");

        CliRun run = CliRun.tapsrelay("config", "check", file.toString());

        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals("", run.err());
        assertTrue(run.out().contains("server_id: \"relay-a.example\""), run.out());
        assertTrue(run.out().contains("max_message_size: 32KiB"), run.out());
        // Defaults are printed too, and the output is itself a configuration equal to the input's.
        assertTrue(run.out().contains("keepalive:\n  interval: 30s"), run.out());
        RelayConfig printed = ConfigLoader.parse(run.out(), "printed");
        assertEquals(ConfigLoader.load(file), printed);
    }

    @Test
    void aMisspeltKeyFailsWithItsKeyPathAndTheSuggestion() throws Exception {
        Path file = dir.resolve("relay.yaml");
        Files.writeString(file, "federation:\n  max_mesage_size: 32KiB\n");

        CliRun run = CliRun.tapsrelay("config", "check", file.toString());

        assertEquals(2, run.exitCode(), run.transcript());
        assertEquals("", run.out());
        assertEquals(file + ": federation.max_mesage_size: unknown key; did you mean 'max_message_size'?",
                run.err().strip());
    }

    @Test
    void everyProblemOfAFileIsReportedOnItsOwnLine() throws Exception {
        Path file = dir.resolve("relay.yaml");
        Files.writeString(file, "keepalive:\n  interval: 30\nfederation:\n  mode: allow-list\n");

        CliRun run = CliRun.tapsrelay("config", "check", file.toString());

        assertEquals(2, run.exitCode(), run.transcript());
        String[] lines = run.err().strip().split("\n");
        assertEquals(2, lines.length, run.err());
        assertTrue(run.err().contains("keepalive.interval: '30' is not a duration"), run.err());
        assertTrue(run.err().contains("did you mean 'allow_list'?"), run.err());
    }

    @Test
    void aMissingFileIsAUsageError() {
        Path file = dir.resolve("absent.yaml");

        CliRun run = CliRun.tapsrelay("config", "check", file.toString());

        assertEquals(2, run.exitCode(), run.transcript());
        assertEquals(file + ": the file does not exist", run.err().strip());
    }

    @Test
    void theShippedExamplesPassTheCheck() {
        Path examples = Path.of("..", "config", "examples");
        for (String name : new String[] {"minimal.yaml", "relay-a.yaml", "relay-b.yaml"}) {
            CliRun run = CliRun.tapsrelay("config", "check", examples.resolve(name).toString());

            assertEquals(0, run.exitCode(), name + "\n" + run.transcript());
        }
    }
}
