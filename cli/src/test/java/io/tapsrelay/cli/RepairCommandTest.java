package io.tapsrelay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.antientropy.AntiEntropy;
import io.tapsrelay.config.ConfigLoader;
import io.tapsrelay.relay.Relay;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RepairCommandTest {
    @TempDir
    Path dir;

    private static RepairCommand.Row row(String peer, long pulled, long bytes, long millis, String result, String error) {
        return new RepairCommand.Row(peer, "g!demo", pulled, 3, 0, 2, bytes, millis, result, error);
    }

    @Test
    void theTableAlignsNamesLeftAndNumbersRightUnderOneHeader() {
        String table = RepairCommand.table(List.of(row("relay-b.example", 990, 1_084_156, 2055, "ok", null),
                row("c.example", 0, 0, 4, "failed", "unreachable")));
        assertEquals(""
                + "PEER             GROUP   PULLED  PUSHED  DIVERGENT  ROUNDS    BYTES  DURATION  RESULT\n"
                + "relay-b.example  g!demo     990       3          0       2  1.0 MiB     2.1 s  ok\n"
                + "c.example        g!demo       0       3          0       2      0 B      4 ms  failed\n", table);
    }

    @Test
    void noRepairsSaySoInsteadOfAnEmptyTable() {
        assertTrue(RepairCommand.table(List.of()).startsWith("no repairs"));
    }

    @Test
    void byteCountsUseBinaryUnitsWithOneDecimal() {
        assertEquals("1023 B", RepairCommand.bytes(1023));
        assertEquals("1.5 KiB", RepairCommand.bytes(1536));
        assertEquals("8.0 MiB", RepairCommand.bytes(8L << 20));
        assertEquals("3.0 GiB", RepairCommand.bytes(3L << 30));
    }

    @Test
    void durationsBelowASecondAreMillisecondsAndLongerOnesSeconds() {
        assertEquals("999 ms", RepairCommand.duration(999));
        assertEquals("1.0 s", RepairCommand.duration(1000));
        assertEquals("61.5 s", RepairCommand.duration(61_500));
    }

    @Test
    void rowsAreReadFromTheAdminAnswerWithBytesBothWays() throws Exception {
        var answer = RepairCommand.JSON.readTree("{\"results\":[{\"peer\":\"b.example\",\"group\":\"g!x\",\"pulled\":4,"
                + "\"pushed\":5,\"divergent\":1,\"rounds\":3,\"bytes_sent\":100,\"bytes_received\":23,\"duration_ms\":7,"
                + "\"result\":\"diverged\",\"error\":null}]}");
        assertEquals(List.of(new RepairCommand.Row("b.example", "g!x", 4, 5, 1, 3, 123, 7, "diverged", null)),
                RepairCommand.rows(answer));
    }

    @Test
    void anAdminListenerThatIsNotThereFailsWithExitOneAndSaysWhere() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.of(new CommandLine(new RepairCommand()), "--admin-url", "http://127.0.0.1:" + port,
                "--token", "t");
        assertEquals(ExitCodes.FAILURE, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("cannot reach the relay's admin listener"), run.transcript());
    }

    @Test
    void aMalformedGroupIsAUsageError() {
        CliRun run = CliRun.of(Main.configure(new CommandLine(new RepairCommand())), "--group", "demo");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("--group: 'demo' is not a group id"), run.transcript());
    }

    @Test
    void aRepairOfTwoRelaysPullsTheMissingEventsAndPrintsOneRow() throws Exception {
        int portA = freePort();
        int portB = freePort();
        String a = relayYaml("cli-a.test", portA, "cli-b.test", portB);
        String b = relayYaml("cli-b.test", portB, "cli-a.test", portA);
        try (Relay ra = Relay.start(ConfigLoader.parse(a, "a.yaml"), List.of(new AntiEntropy()));
                Relay rb = Relay.start(ConfigLoader.parse(b, "b.yaml"), List.of(new AntiEntropy()))) {
            for (int i = 0; i < 3; i++) {
                String content = Base64.getEncoder().encodeToString(("e" + i).getBytes(StandardCharsets.UTF_8));
                rb.publisher().publish("g!cli", null, null, content).get(10, TimeUnit.SECONDS);
            }
            String token = Files.readString(ra.adminTokenFile()).strip();
            CliRun run = CliRun.of(new CommandLine(new RepairCommand()), "--admin-url", ra.adminUrl(), "--token", token,
                    "--group", "g!cli");
            assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
            String[] lines = run.out().split("\n");
            assertEquals(2, lines.length, run.transcript());
            assertTrue(lines[1].matches("cli-b\\.test  g!cli +3 +0 +0 +1 +[0-9.]+ (B|KiB) +[0-9.]+ m?s  ok"),
                    run.transcript());
            assertEquals(3, ra.store().originState("g!cli", "cli-b.test").count());
        }
    }

    private String relayYaml(String id, int port, String peer, int peerPort) {
        return "server_id: \"" + id + "\"\nlisten: \"127.0.0.1:" + port + "\"\nadmin_listen: \"127.0.0.1:0\"\n"
                + "storage:\n  path: \"" + dir.resolve(id) + "\"\n"
                + "peers:\n  - server_id: \"" + peer + "\"\n    url: http://127.0.0.1:" + peerPort + "\n    dial: false\n"
                + "antientropy:\n  enabled: false\n";
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
