package io.tapsrelay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.relay.bench.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bench command's surface; the scenarios themselves are tested in the relay module. */
class BenchCommandTest {
    @Test
    void helpListsEveryScenarioAndSaysWhatALineMeans() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        CliRun run;
        try {
            // picocli reports a help text it cannot format on System.err, not on the command's writer.
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            run = CliRun.tapsrelay("bench", "--help");
        } finally {
            System.setErr(stderr);
        }
        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals("", warnings.toString(StandardCharsets.UTF_8), "every % in the help is escaped");
        for (Scenario s : Scenario.values()) {
            assertTrue(run.out().contains("\n  " + s.wireName() + " "), "help names " + s.wireName() + ":\n" + run.out());
        }
        assertTrue(run.out().contains("75% of the all-core crypto ceiling"), run.out());
        assertTrue(run.out().contains("to wait for CREDIT counts from when it was due"), run.out());
        assertTrue(run.out().contains("under 3% of their CPU"), run.out());
        assertTrue(run.out().contains("tapsrelay bench latency --events 60000"), run.out());
    }

    @Test
    void anUnknownScenarioIsAUsageErrorNamingTheScenarios() {
        CliRun run = CliRun.tapsrelay("bench", "latancy");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("SCENARIO: 'latancy' is not a scenario; expected one of crypto, ingest, latency,"
                + " duplicates, relay, stalled, all"), run.transcript());
    }

    @Test
    void aNegativeRateIsAUsageError() {
        CliRun run = CliRun.tapsrelay("bench", "latency", "--rate", "-5");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("--rate must be 0 (unpaced) or a positive number of events/s, got -5.0"),
                run.transcript());
    }
}
