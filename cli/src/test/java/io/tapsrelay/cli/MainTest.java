package io.tapsrelay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.relay.RelayVersion;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void versionPrintsTheProgramNameAndRelayVersion() {
        CliRun run = CliRun.tapsrelay("--version");

        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals("tapsrelay " + RelayVersion.VERSION, run.out().strip());
    }

    @Test
    void helpListsEveryCommandWithAnExample() {
        CliRun run = CliRun.tapsrelay("--help");

        assertEquals(0, run.exitCode(), run.transcript());
        for (String command : new String[] {"serve", "config", "keys", "send", "repair", "digest", "bench", "help"}) {
            assertTrue(run.out().contains("\n  " + command + " "), command + " missing from\n" + run.out());
        }
        assertTrue(run.out().contains("tapsrelay send --group 'g!demo' --text hello"), run.out());
    }

    @Test
    void noCommandIsAUsageErrorThatShowsTheCommands() {
        CliRun run = CliRun.tapsrelay();

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("a command is needed"), run.transcript());
        assertTrue(run.err().contains("serve"), run.transcript());
    }

    @Test
    void everySubcommandHasHelpWithAnExample() {
        String[][] commands = {
            {"serve"}, {"config", "check"}, {"keys", "generate"}, {"send"}, {"repair"}, {"digest"}, {"bench"}
        };
        for (String[] command : commands) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            CliRun run = CliRun.tapsrelay(args);

            assertEquals(0, run.exitCode(), run.transcript());
            assertTrue(run.out().contains("Example"), String.join(" ", command) + " help has no example:\n" + run.out());
            assertTrue(run.out().contains("tapsrelay " + String.join(" ", command)), run.out());
        }
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun run = CliRun.tapsrelay("serve", "--confg", "x.yaml");

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("--confg"), run.transcript());
    }
}
